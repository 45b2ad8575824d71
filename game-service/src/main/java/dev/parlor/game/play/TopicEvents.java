package dev.parlor.game.play;

import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GameAction;
import dev.parlor.contracts.game.GameEvents;
import dev.parlor.contracts.game.GameSummary;
import io.vertx.core.json.JsonObject;

/** The bodies of topic events, as stored in a game's history and published. They never carry an invite code. */
public final class TopicEvents {

  private TopicEvents() {
  }

  public static JsonObject updated(GameAction action, Game game) {
    return event(GameEvents.UPDATED, new JsonObject().put("action", action.toJson()).put("game", game.toJson(false)));
  }

  public static JsonObject rematched(Game created, long offset) {
    return event(GameEvents.REMATCHED, new JsonObject().put("game", created.toJson(false)).put("offset", offset));
  }

  public static JsonObject lobbyOpened(Game game) {
    return event(GameEvents.LOBBY_OPENED, new JsonObject().put("game", GameSummary.of(game).toJson()));
  }

  public static JsonObject lobbyClosed(String gameId) {
    return event(GameEvents.LOBBY_CLOSED, new JsonObject().put("gameId", gameId));
  }

  private static JsonObject event(String name, JsonObject data) {
    return new JsonObject().put("event", name).put("data", data);
  }
}
