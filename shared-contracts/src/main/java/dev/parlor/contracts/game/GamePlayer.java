package dev.parlor.contracts.game;

import io.vertx.core.json.JsonObject;

/** A player of a game: {@code {"userId","name","mark"}}. The first player in a game's list moves first. */
public record GamePlayer(String userId, String name, String mark) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("name", name).put("mark", mark);
  }

  public static GamePlayer fromJson(JsonObject json) {
    return new GamePlayer(json.getString("userId"), json.getString("name"), json.getString("mark"));
  }
}
