package dev.parlor.gateway.socket;

import dev.parlor.contracts.Deadline;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.protocol.CloseCodes;
import dev.parlor.contracts.protocol.Ops;
import dev.parlor.gateway.limits.SessionRateLimit;
import dev.parlor.gateway.ops.InvalidArgs;
import dev.parlor.gateway.ops.OpRoute;
import dev.parlor.gateway.ops.ServiceFailures;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * The ops of one open session that go to services: the op budget, the route and argument check of each op, and the
 * request with the caller in headers, answered exactly once.
 */
final class SessionOps {

  private final ClientSession session;
  private final SessionDeps deps;
  private final PresenceSender presence;
  private boolean touchedPresence;
  private final SessionRateLimit rate;

  SessionOps(ClientSession session, SessionDeps deps, PresenceSender presence, long nowMs) {
    this.session = session;
    this.deps = deps;
    this.presence = presence;
    SessionLimits limits = deps.limits();
    this.rate = new SessionRateLimit(limits.opsPerSecond(), limits.opsBurst(), limits.abuseCloseMs(), nowMs);
  }

  /** The session's op budget; {@code presence.set} has its own. */
  boolean admitted(Frame frame) {
    if (frame != null && frame.type().equals(Ops.PRESENCE_SET)) {
      return true;
    }
    SessionRateLimit.Verdict verdict = rate.check(deps.now());
    if (verdict == SessionRateLimit.Verdict.ADMIT) {
      return true;
    }
    session.error(frame == null ? null : frame.id(), ErrorCode.RATE_LIMITED, "too many ops; slow down");
    if (verdict == SessionRateLimit.Verdict.CLOSE) {
      session.close(CloseCodes.POLICY, "rate limit exceeded for too long");
    }
    return false;
  }

  /** Whether a presence op was ever forwarded for this session. */
  boolean touchedPresence() {
    return touchedPresence;
  }

  void forward(Frame frame) {
    OpRoute route = deps.ops().route(frame.type());
    if (route == null) {
      session.error(frame.id(), ErrorCode.UNKNOWN_OP, "unknown op " + frame.type());
      return;
    }
    JsonObject body;
    try {
      body = route.args().body(frame.body());
    } catch (InvalidArgs e) {
      session.error(frame.id(), ErrorCode.INVALID_ARGS, e.getMessage());
      return;
    }
    touchedPresence |= route.op().equals(Ops.PRESENCE_SET) || route.op().equals(Ops.PRESENCE_LEAVE);
    if (route.op().equals(Ops.PRESENCE_SET)) {
      presence.set(frame.id(), body, route);
    } else {
      send(route, body, frame.id());
    }
  }

  /** Requests a service with the caller in headers; answers the op, or reports a failure with {@code re:null}. */
  void send(OpRoute route, JsonObject body, String id) {
    DeliveryOptions options = session.caller().addTo(Deadline.within(new DeliveryOptions(), route.timeoutMs()));
    long started = System.nanoTime();
    deps.vertx().eventBus().<Object>request(route.address(), body, options).onComplete(result -> {
      ErrorCode failure = null;
      if (result.failed()) {
        failure = ServiceFailures.code(result.cause());
        session.error(id, failure, ServiceFailures.message(result.cause()));
      } else if (result.result().body() instanceof JsonObject reply) {
        session.reply(id, reply);
      } else {
        failure = ErrorCode.INTERNAL;
        session.error(id, failure, "the service answered something other than a JSON object");
      }
      deps.meters().op(route.op(), failure == null ? "ok" : failure.code(), started);
    });
  }
}
