package dev.parlor.game.sessions;

import io.vertx.core.Future;

/** The game-service's own record of which users have sessions, fed by the gateways' session events. */
public interface SessionStore {

  Future<Void> opened(String sessionId, String userId, String gatewayId);

  /** A session ended; {@code userOnline}: the user still has a session elsewhere. */
  Future<Void> closed(String sessionId, String userId, boolean userOnline, long nowMs);

  Future<Void> heartbeat(String gatewayId, long nowMs);

  Future<Presence> presence(String userId);
}
