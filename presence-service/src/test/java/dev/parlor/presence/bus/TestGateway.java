package dev.parlor.presence.bus;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The gateway side of the presence tests: requests the real presence addresses with the headers a gateway sets, and
 * publishes the session events a gateway publishes. Blocking helpers, for test threads only.
 */
final class TestGateway {

  private final Vertx vertx;
  final String gatewayId;

  TestGateway(Vertx vertx, String gatewayId) {
    this.vertx = vertx;
    this.gatewayId = gatewayId;
  }

  Vertx vertx() {
    return vertx;
  }

  Caller caller(String userId, String sessionId) {
    return new Caller(userId, "name-" + userId, sessionId, gatewayId);
  }

  Future<JsonObject> request(String address, Object body, Caller caller) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(5_000);
    if (caller != null) {
      caller.addTo(options);
    }
    return vertx.eventBus().<JsonObject>request(address, body, options).map(Message::body);
  }

  JsonObject set(Caller caller, JsonObject args) throws Exception {
    return await(request(Addresses.Presence.SET, args, caller));
  }

  JsonObject leave(Caller caller, String room) throws Exception {
    return await(request(Addresses.Presence.LEAVE, new JsonObject().put("room", room), caller));
  }

  JsonObject snapshot(String room) throws Exception {
    return await(request(Addresses.Presence.SNAPSHOT, new JsonObject().put("room", room), null));
  }

  /** The failure code a request fails with; fails the test when it succeeds. */
  int failureOf(String address, Object body, Caller caller) throws Exception {
    try {
      await(request(address, body, caller));
    } catch (ReplyException e) {
      return e.failureCode();
    }
    throw new AssertionError("request to " + address + " with " + body + " succeeded");
  }

  void heartbeat() {
    vertx.eventBus().publish(Addresses.Sessions.GATEWAY_HEARTBEAT,
      new JsonObject().put("gatewayId", gatewayId).put("sessions", 1).put("intervalMs", 100));
  }

  /** Heart-beats every 250 ms, as a live gateway does; answers the timer to cancel. */
  long startHeartbeats() {
    return vertx.setPeriodic(0, 250, id -> heartbeat());
  }

  void sessionClosed(Caller caller, boolean userOnline) {
    vertx.eventBus().publish(Addresses.Sessions.CLOSED, new JsonObject().put("sessionId", caller.sessionId())
      .put("userId", caller.userId()).put("gatewayId", gatewayId).put("userOnline", userOnline));
  }

  /** As a gateway says a session closed that never sent a presence op. */
  void sessionClosedWithoutPresence(Caller caller) {
    vertx.eventBus().publish(Addresses.Sessions.CLOSED, new JsonObject().put("sessionId", caller.sessionId())
      .put("userId", caller.userId()).put("gatewayId", gatewayId).put("userOnline", false).put("presence", false));
  }

  /** Waits until the presence-service answers from this node: cluster subscriptions propagate asynchronously. */
  void awaitPresenceReachable() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        snapshot("probe");
        return;
      } catch (ReplyException e) {
        if (e.failureType() != ReplyFailure.NO_HANDLERS || System.nanoTime() > deadline) {
          throw e;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
    }
  }

  static <T> T await(Future<T> future) throws Exception {
    return await(future, 10);
  }

  static <T> T await(Future<T> future, long timeoutSeconds) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
