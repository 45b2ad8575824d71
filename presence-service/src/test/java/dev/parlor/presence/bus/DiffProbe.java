package dev.parlor.presence.bus;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.presence.PresenceDiff;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny consumer on a room's topic address, as a gateway fanning out to sockets would be. It records every diff with
 * its arrival time. {@link #awaitReady} makes sure the publishing node already sees this subscription.
 */
final class DiffProbe implements AutoCloseable {

  record Received(PresenceDiff diff, long atNanos) {
  }

  private static final String MARKER = "probe.marker";

  private final BlockingQueue<Received> diffs = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> markers = new LinkedBlockingQueue<>();
  private final MessageConsumer<JsonObject> consumer;
  private final String address;

  DiffProbe(Vertx vertx, String room) throws Exception {
    address = Addresses.Topics.presence(room);
    consumer = vertx.eventBus().consumer(address, message -> {
      JsonObject event = message.body();
      if (MARKER.equals(event.getString("event"))) {
        markers.add(event.getString("data"));
      } else if (PresenceDiff.EVENT.equals(event.getString("event"))) {
        diffs.add(new Received(PresenceDiff.fromJson(event.getJsonObject("data")), System.nanoTime()));
      } else {
        throw new IllegalStateException("unexpected topic event " + event);
      }
    });
    TestGateway.await(consumer.completion());
  }

  /** Publishes markers from the presence node until one arrives here: from then on its diffs reach this probe. */
  DiffProbe awaitReady(Vertx publisher) throws Exception {
    for (int i = 0; i < 200; i++) {
      publisher.eventBus().publish(address, new JsonObject().put("event", MARKER).put("data", "m" + i));
      if (markers.poll(50, TimeUnit.MILLISECONDS) != null) {
        return this;
      }
    }
    throw new AssertionError("topic subscription never reached the publisher");
  }

  Received next() throws InterruptedException {
    return next(5_000);
  }

  Received next(long timeoutMs) throws InterruptedException {
    Received received = diffs.poll(timeoutMs, TimeUnit.MILLISECONDS);
    if (received == null) {
      throw new AssertionError("no presence.diff within " + timeoutMs + " ms on " + address);
    }
    return received;
  }

  PresenceDiff nextDiff() throws InterruptedException {
    return next().diff();
  }

  int pending() {
    return diffs.size();
  }

  @Override
  public void close() {
    consumer.unregister().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
