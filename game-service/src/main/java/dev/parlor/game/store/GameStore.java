package dev.parlor.game.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Where games live. Every change appends its event to the game's history and returns that event's offset. */
public interface GameStore {

  /** Stores a new game and its {@code created} event; answers the event's offset (1). */
  Future<Long> create(JsonObject game, JsonObject createdEvent);
}
