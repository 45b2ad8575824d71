package dev.parlor.contracts.game;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A public game waiting for a player, as the lobby shows it:
 * {@code {"gameId","kind","players":[{"userId","name"}],"createdAt"}} ({@code createdAt} ISO-8601).
 */
public record GameSummary(String gameId, String kind, List<Player> players, String createdAt) {

  /** A player as the lobby shows it: no mark. */
  public record Player(String userId, String name) {
  }

  public static GameSummary of(Game game) {
    return new GameSummary(game.gameId(), game.kind(),
      game.players().stream().map(p -> new Player(p.userId(), p.name())).toList(), game.createdAt());
  }

  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    players.forEach(p -> list.add(new JsonObject().put("userId", p.userId()).put("name", p.name())));
    return new JsonObject().put("gameId", gameId).put("kind", kind).put("players", list).put("createdAt", createdAt);
  }

  public static GameSummary fromJson(JsonObject json) {
    List<Player> players = json.getJsonArray("players").stream()
      .map(JsonObject.class::cast)
      .map(p -> new Player(p.getString("userId"), p.getString("name")))
      .toList();
    return new GameSummary(json.getString("gameId"), json.getString("kind"), players, json.getString("createdAt"));
  }
}
