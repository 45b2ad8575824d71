package dev.parlor.game.store;

/**
 * Every Redis key of the game-service, all under {@code game:}, {@code lobby:} or {@code match:}. Declared once so
 * scripts and readers cannot drift apart.
 */
public final class Keys {

  /** The topic epoch of every game topic: a random id set once; a wiped store gets a new one. */
  public static final String EPOCH = "game:epoch";
  /** Hash gameId → GameSummary JSON of the public games waiting for a player. */
  public static final String LOBBY = "lobby:games";
  /**
   * Set of the ids of games in progress (status playing), kept by the same scripts that change a game's status, so
   * its size is the cluster-wide count of games in progress at any moment.
   */
  public static final String PLAYING = "game:playing";
  /** Sorted set gatewayId → time (ms) of its last heartbeat. */
  public static final String GATEWAYS = "game:gateways";

  private Keys() {
  }

  /** Hash {@code v} (version) and {@code s} (the game JSON, invite code included). */
  public static String game(String gameId) {
    return "game:" + gameId;
  }

  /** List of {@code {event, data}}: the event at index i has offset i + 1. */
  public static String events(String gameId) {
    return "game:" + gameId + ":events";
  }

  /** String: the id of the game an invite code joins, while that game waits for a player. */
  public static String invite(String code) {
    return "game:invite:" + code;
  }

  /** Sorted set userId → enqueue time (ms): the quick-match queue of a kind. */
  public static String queue(String kind) {
    return "match:queue:" + kind;
  }

  /** Hash userId → ticket JSON ({@code player}, {@code gatewayId}, {@code sessionId}) of a kind's queue. */
  public static String tickets(String kind) {
    return "match:tickets:" + kind;
  }

  /** Hash sessionId → gatewayId of a user's live sessions, as the gateways announced them. */
  public static String sessions(String userId) {
    return "game:user:" + userId + ":sessions";
  }

  /** String: when (ms) the user's last session closed. */
  public static String away(String userId) {
    return "game:user:" + userId + ":away";
  }
}
