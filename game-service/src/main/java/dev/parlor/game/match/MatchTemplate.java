package dev.parlor.game.match;

/**
 * A new game as JSON text, its {@code created} event likewise, and the two placeholder tokens (quoted JSON strings)
 * that stand for the opponent's user id and name until the queue knows who the opponent is.
 */
public record MatchTemplate(String gameId, String state, String event, String idToken, String nameToken) {
}
