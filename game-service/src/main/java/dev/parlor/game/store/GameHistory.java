package dev.parlor.game.store;

import dev.parlor.contracts.game.Game;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One consistent read of a game topic: the game (null when it does not exist), the current offset, the topic epoch
 * and the events after the asked offset ({@code {event, data, offset}}), read in one atomic step.
 */
public record GameHistory(Game game, long offset, String epoch, List<JsonObject> events) {
}
