package dev.parlor.gateway.socket;

import dev.parlor.contracts.Caller;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.protocol.CloseCodes;
import dev.parlor.contracts.protocol.Ops;
import dev.parlor.gateway.topics.Snapshot;
import dev.parlor.runtime.Ids;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * The protocol state of one client connection, the same for every transport: waits for {@code hello}, then checks
 * each frame (envelope, rate, arguments) and routes it, answering every op that has an id exactly once. Lives on one
 * event loop; its transport calls it there.
 */
public final class ClientSession {

  private final SessionDeps deps;
  private final Transport transport;
  private final Outbound outbound;
  private final String sessionId = Ids.random(16);
  private final long openedAt;
  /** Messages sent after hello but before the welcome, handled once the session is open. */
  private static final int MAX_EARLY = 32;

  private final java.util.List<String> early = new java.util.ArrayList<>();
  private final SessionOps ops;
  private final SessionTopics topics;
  private final PresenceSender presence;
  private long lastHeard;
  private long lastPing;
  private State state = State.AWAITING_HELLO;
  private Caller caller;
  private boolean welcomed;

  private enum State { AWAITING_HELLO, AUTHENTICATING, OPEN, CLOSED }

  public ClientSession(SessionDeps deps, Transport transport) {
    this.deps = deps;
    this.transport = transport;
    this.outbound = new Outbound(transport, deps.limits().maxPendingChars(), deps.meters()::dropped);
    this.openedAt = deps.now();
    this.lastHeard = openedAt;
    this.lastPing = openedAt;
    this.topics = new SessionTopics(this, deps);
    this.presence = new PresenceSender(this, deps);
    this.ops = new SessionOps(this, deps, presence, openedAt);
    deps.sweep().add(this);
  }

  /** One complete text message from the client. */
  public void onMessage(String text) {
    lastHeard = deps.now();
    switch (state) {
      case AWAITING_HELLO -> hello(text);
      case OPEN -> op(text);
      // Ops pipelined right after hello wait for the welcome (a few of them: a flood is refused like a bad hello).
      case AUTHENTICATING -> {
        if (early.size() < MAX_EARLY) {
          early.add(text);
        } else {
          refuse(null, "wait for the welcome before sending more");
        }
      }
      case CLOSED -> {
      }
    }
  }

  /** Anything else heard from the peer (a pong): it is alive. */
  public void onHeard() {
    lastHeard = deps.now();
  }

  /** A message over the size limit: {@code too_large}, then close 1009. */
  public void onTooLarge() {
    if (state != State.CLOSED) {
      error(null, ErrorCode.TOO_LARGE, "message larger than the limit");
      close(CloseCodes.TOO_BIG, "message too large");
    }
  }

  /** The transport closed, whoever closed it. */
  public void onClosed() {
    if (state != State.CLOSED) {
      state = State.CLOSED;
      cleanUp();
    }
  }

  public boolean isOpen() {
    return state == State.OPEN;
  }

  public String sessionId() {
    return sessionId;
  }

  Caller caller() {
    return caller;
  }

  SessionOps ops() {
    return ops;
  }

  private void hello(String text) {
    Frame frame = Frame.parse(text);
    if (frame == null || !frame.type().equals(Ops.HELLO) || !(frame.body().getValue("token") instanceof String token)) {
      refuse(frame == null ? null : frame.id(), "send hello with a token first");
      return;
    }
    state = State.AUTHENTICATING;
    deps.tokens().verify(token).onComplete(verified -> {
      if (state != State.AUTHENTICATING) {
        return;
      }
      if (verified.failed()) {
        refuse(frame.id(), "invalid or expired token");
        return;
      }
      caller = new Caller(verified.result().userId(), verified.result().name(), sessionId, deps.gatewayId());
      topics.openUserTopic().onComplete(user -> {
        if (state != State.AUTHENTICATING) {
          return;
        }
        if (user.failed()) {
          error(frame.id(), ErrorCode.UNAVAILABLE, "the user topic is not available; try again");
          close(CloseCodes.TRY_AGAIN_LATER, "unavailable");
          return;
        }
        welcome(user.result());
      });
    });
  }

  private void welcome(Snapshot user) {
    state = State.OPEN;
    welcomed = true;
    deliver(new JsonObject()
      .put("type", Ops.WELCOME)
      .put("userId", caller.userId())
      .put("name", caller.name())
      .put("sessionId", sessionId)
      .put("heartbeatMs", deps.limits().heartbeatMs())
      .put("user", new JsonObject().put("offset", user.offset()).put("epoch", user.epoch()))
      .encode(), Outbound.Kind.CONTROL);
    topics.userTopicOpened(user);
    deps.lifecycle().opened(caller);
    java.util.List<String> pending = new java.util.ArrayList<>(early);
    early.clear();
    for (String text : pending) {
      if (state == State.OPEN) {
        op(text);
      }
    }
  }

  private void refuse(String re, String message) {
    error(re, ErrorCode.UNAUTHORIZED, message);
    close(CloseCodes.POLICY, "unauthorized");
  }

  private void op(String text) {
    Frame frame = Frame.parse(text);
    String id = frame == null ? null : frame.id();
    if (!ops.admitted(frame)) {
      return;
    }
    if (frame == null) {
      error(null, ErrorCode.BAD_FRAME, "a frame is a JSON object with a string type and an id of 1-64 characters");
      return;
    }
    switch (frame.type()) {
      case Ops.PING -> reply(id, new JsonObject());
      case Ops.SUBSCRIBE -> topics.subscribe(id, frame.body());
      case Ops.UNSUBSCRIBE -> topics.unsubscribe(id, frame.body());
      default -> ops.forward(frame);
    }
  }

  void reply(String re, JsonObject result) {
    if (re != null && state == State.OPEN) {
      replyText(re, result.encode());
    }
  }

  /** A reply whose result is JSON text already (a subscribe's, whose snapshot many replies share). */
  void replyText(String re, String result) {
    if (re != null && state == State.OPEN) {
      deliver(new StringBuilder(result.length() + re.length() + 32).append("{\"type\":\"").append(Ops.REPLY)
        .append("\",\"re\":").append(Json.encode(re)).append(",\"result\":").append(result).append('}').toString(),
        Outbound.Kind.CONTROL);
    }
  }

  void error(String re, ErrorCode code, String message) {
    deliver(new JsonObject().put("type", Ops.ERROR).put("re", re).put("code", code.code()).put("message", message)
      .encode(), Outbound.Kind.CONTROL);
  }

  /** Sends a frame through the bounded queue; a client too slow for it is closed (1013). */
  void deliver(String frame, Outbound.Kind kind) {
    if (state != State.CLOSED && !outbound.send(frame, kind)) {
      overflow();
    }
  }

  void overflow() {
    close(CloseCodes.TRY_AGAIN_LATER, "client too slow");
  }

  /** Called by the sweep: hello deadline, pings, silent peers. */
  void sweep(long now) {
    if ((state == State.AWAITING_HELLO || state == State.AUTHENTICATING)
      && now - openedAt >= deps.limits().helloTimeoutMs()) {
      close(CloseCodes.POLICY, "no hello");
      return;
    }
    long heartbeat = deps.limits().heartbeatMs();
    if (transport.pings()) {
      if (now - lastHeard >= 2 * heartbeat) {
        close(CloseCodes.GOING_AWAY, "nothing heard");
        return;
      }
      if (now - lastPing >= heartbeat) {
        lastPing = now;
        transport.ping();
      }
    }
    presence.sweep(now);
  }

  /** The gateway drains: an open session is told to reconnect elsewhere; one not yet welcomed is closed at once. */
  void drain(String reconnectFrame) {
    if (state == State.OPEN) {
      deliver(reconnectFrame, Outbound.Kind.CONTROL);
    } else {
      shutdown();
    }
  }

  void shutdown() {
    close(CloseCodes.SERVICE_RESTART, "server restarting");
  }

  void close(short code, String reason) {
    if (state != State.CLOSED) {
      state = State.CLOSED;
      transport.close(code, reason);
      cleanUp();
    }
  }

  private void cleanUp() {
    early.clear();
    deps.sweep().remove(this);
    topics.closeAll();
    presence.stop();
    outbound.clear();
    if (welcomed) {
      deps.lifecycle().closed(caller, ops.touchedPresence());
    }
  }
}
