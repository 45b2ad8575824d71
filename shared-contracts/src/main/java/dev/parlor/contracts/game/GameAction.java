package dev.parlor.contracts.game;

import io.vertx.core.json.JsonObject;

/**
 * What changed a game: {@code {"type":"created"|"joined"|"move"|"resign"|"abandon","by":userId,"move"?:{…}}}.
 * For {@code abandon}, {@code by} is the player who claimed the win.
 */
public record GameAction(String type, String by, JsonObject move) {

  public static final String CREATED = "created";
  public static final String JOINED = "joined";
  public static final String MOVE = "move";
  public static final String RESIGN = "resign";
  public static final String ABANDON = "abandon";
  /** A public game nobody joined within {@code game.waiting-expire-seconds}; {@code by} is its creator. */
  public static final String EXPIRED = "expired";

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("type", type).put("by", by);
    if (move != null) {
      json.put("move", move.copy());
    }
    return json;
  }

  public static GameAction fromJson(JsonObject json) {
    return new GameAction(json.getString("type"), json.getString("by"), json.getJsonObject("move"));
  }
}
