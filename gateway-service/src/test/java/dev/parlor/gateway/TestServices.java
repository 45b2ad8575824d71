package dev.parlor.gateway;

import dev.parlor.contracts.Caller;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Tiny neighbour services on their real addresses: each records what it received (body and caller) and answers
 * with a function of the request, or fails it.
 */
public final class TestServices implements AutoCloseable {

  private final Vertx vertx;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  public TestServices(Vertx vertx) {
    this.vertx = vertx;
  }

  /** A received request. */
  public record Received(JsonObject body, Caller caller) {
  }

  /** What a stub does with a request: a reply body, or a {@link Failure}. */
  public record Failure(int code, String message) {
  }

  public BlockingQueue<Received> serve(String address, Function<Received, Object> answer) throws Exception {
    BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, (Message<JsonObject> message) -> {
      Received request = new Received(message.body(), Caller.fromHeaders(message.headers()));
      received.add(request);
      Object result = answer.apply(request);
      if (result instanceof Failure failure) {
        message.fail(failure.code(), failure.message());
      } else if (result != null) {
        message.reply(result);
      }
    });
    consumer.completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    consumers.add(consumer);
    return received;
  }

  /** Every message published to an address, as it arrives. */
  public BlockingQueue<JsonObject> listen(String address) throws Exception {
    BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, m -> received.add(m.body()));
    consumer.completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    consumers.add(consumer);
    return received;
  }

  public static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
    T item = queue.poll(10, TimeUnit.SECONDS);
    if (item == null) {
      throw new AssertionError("nothing arrived within 10 s");
    }
    return item;
  }

  /** Unregisters every stub and waits until that is done, so the next test's stubs are alone on their address. */
  public void stopAll() {
    for (MessageConsumer<?> consumer : consumers) {
      try {
        consumer.unregister().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    consumers.clear();
  }

  @Override
  public void close() {
    stopAll();
  }
}
