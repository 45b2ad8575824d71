package dev.parlor.game.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parlor.contracts.Caller;
import dev.parlor.contracts.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-side access to the game-service through a node's event bus, as the gateway would call it. */
final class GameBus {

  private static final AtomicInteger USERS = new AtomicInteger();

  private final Vertx vertx;

  GameBus(Vertx vertx) {
    this.vertx = vertx;
  }

  /** A fresh user with a session on a made-up gateway. */
  static Caller user(String name) {
    int n = USERS.incrementAndGet();
    String id = "u" + n + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    return new Caller(id, name, "s-" + id, "gw-test");
  }

  Future<JsonObject> send(String address, Caller caller, JsonObject body) {
    return send(address, caller, body, new DeliveryOptions().setSendTimeout(10_000));
  }

  Future<JsonObject> send(String address, Caller caller, JsonObject body, DeliveryOptions options) {
    if (caller != null) {
      caller.addTo(options);
    }
    return vertx.eventBus().<JsonObject>request(address, body, options).map(m -> m.body());
  }

  JsonObject call(String address, Caller caller, JsonObject body) {
    return await(send(address, caller, body));
  }

  /** Expects the request to fail with {@code code}. */
  void refused(ErrorCode code, String address, Caller caller, JsonObject body) {
    try {
      send(address, caller, body).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      fail("expected " + code.code() + " from " + address + " " + body);
    } catch (ExecutionException e) {
      assertEquals(code, codeOf(e.getCause()), String.valueOf(e.getCause()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static ErrorCode codeOf(Throwable e) {
    return e instanceof ReplyException reply ? ErrorCode.ofFailureCode(reply.failureCode()) : null;
  }

  /** Collects everything published to an address. */
  Listener listen(String address) {
    Listener listener = new Listener();
    listener.consumer = vertx.eventBus().consumer(address, m -> listener.queue.add((JsonObject) m.body()));
    await(listener.consumer.completion());
    return listener;
  }

  static final class Listener implements AutoCloseable {
    final BlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>();
    MessageConsumer<Object> consumer;

    JsonObject next() {
      try {
        JsonObject event = queue.poll(10, TimeUnit.SECONDS);
        if (event == null) {
          throw new AssertionError("no event within 10 s on " + consumer.address());
        }
        return event;
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public void close() {
      await(consumer.unregister());
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
