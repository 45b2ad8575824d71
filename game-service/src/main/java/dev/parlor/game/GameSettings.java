package dev.parlor.game;

/** Keys of the game-service; defaults in {@code conf/game.json}, documented in docs/configuration.md. */
public final class GameSettings {

  public static final String MANAGEMENT_PORT = "game.management.port";
  public static final String INSTANCES = "game.instances";
  /** How many games in progress each process remembers as it stored them, to decide a move without reading it. */
  public static final String RECENT_GAMES = "game.recent-games";
  /** How long a finished game and its whole history stay in Redis. */
  public static final String FINISHED_TTL_SECONDS = "game.finished-ttl-seconds";
  /** How long a player must have had no session before the opponent may claim the win. */
  public static final String ABANDON_AFTER_MS = "game.abandon-after-ms";
  /** A gateway silent this long is dead: its sessions are gone, its queued players are dropped. */
  public static final String GATEWAY_SILENCE_MS = "game.gateway-silence-ms";
  /** Attempts to deliver game.matched through parlor.user.publish, and the first pause between them. */
  public static final String MATCHED_DELIVERY_ATTEMPTS = "game.matched-delivery-attempts";
  public static final String MATCHED_DELIVERY_BACKOFF_MS = "game.matched-delivery-backoff-ms";

  /** A public game nobody joined this long is closed and leaves the lobby. */
  public static final String WAITING_EXPIRE_SECONDS = "game.waiting-expire-seconds";
  /** How often each instance looks for such games. */
  public static final String LOBBY_SWEEP_MS = "game.lobby-sweep-ms";

  private GameSettings() {
  }
}
