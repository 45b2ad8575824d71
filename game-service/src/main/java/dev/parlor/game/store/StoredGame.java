package dev.parlor.game.store;

import dev.parlor.contracts.game.Game;

/** A game as read from the store, with the offset of its latest event. */
public record StoredGame(Game game, long offset) {
}
