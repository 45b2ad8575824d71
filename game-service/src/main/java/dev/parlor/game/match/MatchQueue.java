package dev.parlor.game.match;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The quick-match queues, one per game kind, shared by every instance. Pairing is atomic: a waiting player is taken
 * from the queue and put in a new game in one step, so two requests can never take the same player.
 */
public interface MatchQueue {

  /**
   * Pairs {@code ticket}'s user with the longest-waiting live player of the kind, or queues them.
   * {@code template} is the new game with the opponent left as placeholders; see {@link MatchTemplate}.
   */
  Future<Paired> enqueue(String kind, JsonObject ticket, MatchTemplate template, long nowMs, long silentBeforeMs);

  Future<Void> cancel(String kind, String userId);

  /** Removes a user from the queues of these kinds. */
  Future<Void> drop(List<String> kinds, String userId);

  /** The result of {@link #enqueue}: {@code null} fields when the user was queued. */
  record Paired(JsonObject game, JsonObject opponentTicket) {

    public boolean matched() {
      return game != null;
    }
  }
}
