package dev.parlor.gateway.socket;

import dev.parlor.contracts.Caller;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.gateway.ops.OpRoute;
import dev.parlor.gateway.ops.OpTable;
import dev.parlor.gateway.ops.ServiceFailures;
import dev.parlor.gateway.session.Tokens;
import dev.parlor.runtime.Ids;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * The protocol state of one client connection, the same for every transport: waits for {@code hello}, then routes
 * ops to services with the caller's identity in headers and answers each op that has an id exactly once.
 */
public final class ClientSession {

  /** Policy violation: bad token, a frame before {@code hello}, no {@code hello} in time. */
  public static final short CLOSE_POLICY = 1008;
  /** A message over the size limit. */
  public static final short CLOSE_TOO_BIG = 1009;

  private final Vertx vertx;
  private final Transport transport;
  private final Tokens tokens;
  private final OpTable ops;
  private final String gatewayId;
  private final long heartbeatMs;
  private final String sessionId = Ids.random(16);
  private final long helloTimer;
  private State state = State.AWAITING_HELLO;
  private Caller caller;

  private enum State { AWAITING_HELLO, AUTHENTICATING, OPEN, CLOSED }

  public ClientSession(Vertx vertx, Transport transport, Tokens tokens, OpTable ops, String gatewayId,
                       long heartbeatMs, long helloTimeoutMs) {
    this.vertx = vertx;
    this.transport = transport;
    this.tokens = tokens;
    this.ops = ops;
    this.gatewayId = gatewayId;
    this.heartbeatMs = heartbeatMs;
    this.helloTimer = vertx.setTimer(helloTimeoutMs, t -> {
      if (state == State.AWAITING_HELLO || state == State.AUTHENTICATING) {
        close(CLOSE_POLICY, "no hello");
      }
    });
  }

  /** One complete text message from the client. */
  public void onMessage(String text) {
    switch (state) {
      case AWAITING_HELLO -> hello(text);
      case OPEN -> op(text);
      default -> {
        // frames during authentication or after close are dropped: the client must wait for its welcome
      }
    }
  }

  /** A message over the size limit: {@code too_large}, then close 1009. */
  public void onTooLarge() {
    if (state != State.CLOSED) {
      sendError(null, ErrorCode.TOO_LARGE, "message larger than the limit");
      close(CLOSE_TOO_BIG, "message too large");
    }
  }

  /** The transport closed, whoever closed it. */
  public void onClosed() {
    state = State.CLOSED;
    vertx.cancelTimer(helloTimer);
  }

  private void hello(String text) {
    Frame frame = Frame.parse(text);
    if (frame == null || !frame.type().equals("hello") || !(frame.body().getValue("token") instanceof String token)) {
      refuse(frame == null ? null : frame.id(), "send hello with a token first");
      return;
    }
    state = State.AUTHENTICATING;
    tokens.verify(token).onComplete(result -> {
      if (state != State.AUTHENTICATING) {
        return;
      }
      if (result.failed()) {
        refuse(frame.id(), "invalid or expired token");
        return;
      }
      vertx.cancelTimer(helloTimer);
      caller = new Caller(result.result().userId(), result.result().name(), sessionId, gatewayId);
      state = State.OPEN;
      transport.send(new JsonObject()
        .put("type", "welcome")
        .put("userId", caller.userId())
        .put("name", caller.name())
        .put("sessionId", sessionId)
        .put("heartbeatMs", heartbeatMs)
        .put("user", new JsonObject().put("offset", 0).put("epoch", gatewayId))
        .encode());
    });
  }

  private void refuse(String re, String message) {
    sendError(re, ErrorCode.UNAUTHORIZED, message);
    close(CLOSE_POLICY, "unauthorized");
  }

  private void op(String text) {
    Frame frame = Frame.parse(text);
    if (frame == null) {
      sendError(null, ErrorCode.BAD_FRAME, "a frame is a JSON object with a string type and an id of 1-64 chars");
      return;
    }
    if (frame.type().equals("ping")) {
      reply(frame.id(), new JsonObject());
      return;
    }
    OpRoute route = ops.route(frame.type());
    if (route == null) {
      sendError(frame.id(), ErrorCode.UNKNOWN_OP, "unknown op " + frame.type());
      return;
    }
    DeliveryOptions options = caller.addTo(new DeliveryOptions().setSendTimeout(route.timeoutMs()));
    vertx.eventBus().<JsonObject>request(route.address(), frame.arguments(), options).onComplete(result -> {
      if (result.succeeded()) {
        reply(frame.id(), result.result().body());
      } else {
        sendError(frame.id(), ServiceFailures.code(result.cause()), ServiceFailures.message(result.cause()));
      }
    });
  }

  private void reply(String re, JsonObject result) {
    if (re != null && state == State.OPEN) {
      transport.send(new JsonObject().put("type", "reply").put("re", re).put("result", result).encode());
    }
  }

  private void sendError(String re, ErrorCode code, String message) {
    if (state == State.CLOSED) {
      return;
    }
    transport.send(new JsonObject().put("type", "error").put("re", re).put("code", code.code())
      .put("message", message).encode());
  }

  private void close(short code, String reason) {
    if (state != State.CLOSED) {
      state = State.CLOSED;
      vertx.cancelTimer(helloTimer);
      transport.close(code, reason);
    }
  }
}
