package dev.parlor.game.sessions;

import dev.parlor.contracts.Addresses;
import dev.parlor.game.match.Matchmaker;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the gateways' session events and heartbeats: who is connected (for abandonment claims) and who must leave
 * the quick-match queues. One instance per process; every instance records the same facts, which is harmless.
 */
public final class SessionVerticle extends ServiceVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(SessionVerticle.class);

  private final SessionStore sessions;
  private final Matchmaker matchmaker;

  public SessionVerticle(ServiceContext context, SessionStore sessions, Matchmaker matchmaker) {
    super(context);
    this.sessions = sessions;
    this.matchmaker = matchmaker;
  }

  @Override
  public Future<?> start() {
    return Future.all(List.of(
      this.<JsonObject>consume(Addresses.Sessions.OPENED, this::opened),
      this.<JsonObject>consume(Addresses.Sessions.CLOSED, this::closed),
      this.<JsonObject>consume(Addresses.Sessions.GATEWAY_HEARTBEAT, this::heartbeat)));
  }

  private void opened(Message<JsonObject> message) {
    JsonObject body = message.body();
    String sessionId = text(body, "sessionId");
    String userId = text(body, "userId");
    String gatewayId = text(body, "gatewayId");
    if (sessionId != null && userId != null && gatewayId != null) {
      sessions.opened(sessionId, userId, gatewayId).onFailure(e -> LOG.warn("session.opened not recorded: {}", e.toString()));
    }
  }

  private void closed(Message<JsonObject> message) {
    JsonObject body = message.body();
    String sessionId = text(body, "sessionId");
    String userId = text(body, "userId");
    if (sessionId == null || userId == null) {
      return;
    }
    boolean userOnline = Boolean.TRUE.equals(body.getValue("userOnline"));
    sessions.closed(sessionId, userId, userOnline, System.currentTimeMillis())
      .onFailure(e -> LOG.warn("session.closed not recorded: {}", e.toString()));
    if (!userOnline) {
      matchmaker.dropUser(userId).onFailure(e -> LOG.warn("could not drop {} from the queues: {}", userId, e.toString()));
    }
  }

  private void heartbeat(Message<JsonObject> message) {
    String gatewayId = text(message.body(), "gatewayId");
    if (gatewayId != null) {
      sessions.heartbeat(gatewayId, System.currentTimeMillis())
        .onFailure(e -> LOG.warn("gateway heartbeat not recorded: {}", e.toString()));
    }
  }

  /** A string field of an event, or null when the event is malformed: events are facts to record, never to fail on. */
  private static String text(JsonObject body, String field) {
    return body != null && body.getValue(field) instanceof String s && !s.isEmpty() ? s : null;
  }
}
