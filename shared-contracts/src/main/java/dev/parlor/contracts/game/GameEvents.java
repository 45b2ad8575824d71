package dev.parlor.contracts.game;

/**
 * Event names the game-service publishes. On {@code game:<id>} (durable, body {@code {event, data, offset}}):
 * {@link #UPDATED} {@code {action, game}} and {@link #REMATCHED} {@code {game, offset}}. On {@code lobby}:
 * {@link #LOBBY_OPENED} {@code {game: GameSummary}} and {@link #LOBBY_CLOSED} {@code {gameId}}. On {@code user:<id>}
 * through the gateway's {@code parlor.user.publish}: {@link #MATCHED} {@code {game, offset}}.
 */
public final class GameEvents {

  public static final String UPDATED = "game.updated";
  public static final String REMATCHED = "game.rematched";
  public static final String MATCHED = "game.matched";
  public static final String LOBBY_OPENED = "lobby.opened";
  public static final String LOBBY_CLOSED = "lobby.closed";

  private GameEvents() {
  }
}
