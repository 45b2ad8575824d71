package dev.parlor.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts event-bus requests this process has received and not yet answered, so a graceful stop can wait for them:
 * a request is in flight from its delivery to a local consumer until a reply (or failure) is sent to its reply
 * address. Works for every consumer of the process without the services doing anything.
 */
final class InFlightRequests {

  private static final long POLL_MS = 10;
  /**
   * How long a reply is given to leave the process after it was sent: to a node this one has not talked to yet it
   * waits for a connection, and closing Vert.x first would drop it.
   */
  private static final long FLUSH_MS = 250;

  private final Set<String> pendingReplies = ConcurrentHashMap.newKeySet();
  private volatile long lastReplyNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(FLUSH_MS);

  void install(EventBus eventBus) {
    eventBus.addInboundInterceptor(delivery -> {
      String replyAddress = delivery.message().replyAddress();
      if (replyAddress != null) {
        pendingReplies.add(replyAddress);
      }
      delivery.next();
    });
    eventBus.addOutboundInterceptor(delivery -> {
      if (pendingReplies.remove(delivery.message().address())) {
        lastReplyNanos = System.nanoTime();
      }
      delivery.next();
    });
  }

  int count() {
    return pendingReplies.size();
  }

  /** Completes when every received request has been answered and the last answer had time to leave, or after {@code timeoutMs}. */
  Future<Void> drained(Vertx vertx, long timeoutMs) {
    Promise<Void> promise = Promise.promise();
    long deadline = System.currentTimeMillis() + timeoutMs;
    poll(vertx, promise, deadline);
    return promise.future();
  }

  private void poll(Vertx vertx, Promise<Void> promise, long deadline) {
    boolean flushed = System.nanoTime() - lastReplyNanos >= TimeUnit.MILLISECONDS.toNanos(FLUSH_MS);
    if ((pendingReplies.isEmpty() && flushed) || System.currentTimeMillis() >= deadline) {
      promise.complete();
      return;
    }
    vertx.setTimer(POLL_MS, t -> poll(vertx, promise, deadline));
  }
}
