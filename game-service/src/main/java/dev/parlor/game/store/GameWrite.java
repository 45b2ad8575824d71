package dev.parlor.game.store;

import dev.parlor.contracts.game.Game;
import io.vertx.core.json.JsonObject;

/**
 * One change to store atomically: {@code game} replaces the version {@code expectedVersion} (0: the game must not
 * exist yet), {@code event} ({@code {event, data}}) is appended to its history. Lobby and invite entries follow the
 * game's status: a public game enters the lobby while waiting; an invite code works only while its game waits. A
 * write with a {@code deadline} (epoch ms, {@link Long#MAX_VALUE}: none) is not applied once Redis's clock passed it.
 * {@code eventText} is the event encoded, once: what the store keeps and what the topic's publication is made of.
 */
public record GameWrite(long expectedVersion, Game game, JsonObject event, String eventText, boolean finished,
                        long deadline) {

  public static GameWrite create(Game game, JsonObject event) {
    return new GameWrite(0, game, event, event.encode(), Game.FINISHED.equals(game.status()), Long.MAX_VALUE);
  }

  public static GameWrite update(Game previous, Game next, JsonObject event) {
    return new GameWrite(previous.version(), next, event, event.encode(), Game.FINISHED.equals(next.status()),
      Long.MAX_VALUE);
  }

  public GameWrite before(long deadline) {
    return new GameWrite(expectedVersion, game, event, eventText, finished, deadline);
  }

  public boolean waiting() {
    return Game.WAITING.equals(game.status());
  }

  public boolean inLobby() {
    return waiting() && Game.PUBLIC.equals(game.visibility());
  }
}
