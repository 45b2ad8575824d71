package dev.parlor.presence.store;

/**
 * Redis keys of the presence-service, all under {@code presence:}. A room's keys share the hash tag {@code {room}},
 * a session's keys {@code {sessionId}} and a user's keys {@code {userId}}, so each script touches one slot and works
 * on Redis Cluster; room names and ids cannot contain braces.
 */
final class PresenceKeys {

  static final String GATEWAYS = "presence:gateways";
  static final String REAPER = "presence:reaper";
  static final String TICKED_ROOMS = "presence:ticked-rooms";

  private PresenceKeys() {
  }

  /** members, sessions, counts, changes: the KEYS of the room scripts, in that order. */
  static String[] room(String room) {
    String base = "presence:room:{" + room + "}:";
    return new String[] {base + "members", base + "sessions", base + "counts", base + "changes"};
  }

  static String roomTicker(String room) {
    return "presence:room:{" + room + "}:ticker";
  }

  static String roomChanges(String room) {
    return room(room)[3];
  }

  static String sessionRooms(String sessionId) {
    return "presence:session:{" + sessionId + "}:rooms";
  }

  static String sessionClosed(String sessionId) {
    return "presence:session:{" + sessionId + "}:closed";
  }

  static String userRooms(String userId) {
    return "presence:user:{" + userId + "}:rooms";
  }

  static String userAvatar(String userId) {
    return "presence:user:{" + userId + "}:avatar";
  }

  static String gatewaySessions(String gatewayId) {
    return "presence:gateway:" + gatewayId + ":sessions";
  }
}
