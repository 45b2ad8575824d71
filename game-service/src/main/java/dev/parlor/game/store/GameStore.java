package dev.parlor.game.store;

import dev.parlor.contracts.game.GameSummary;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Where games live. Every change is one atomic step: version check, new state, event appended to the history, lobby
 * and invite entries; it answers the event's offset, or {@link #CONFLICT} when the stored version was not the
 * expected one (the caller reloads and decides again).
 */
public interface GameStore {

  long CONFLICT = -1;
  /** What {@link #write} answers when the write's deadline had passed by the time it reached the store. */
  long LATE = -2;

  /** The game and its latest offset, or {@code null} when there is no such game. */
  Future<StoredGame> load(String gameId);

  /** The id of the game an invite code joins, or {@code null} when the code is unknown or its game is full. */
  Future<String> findInvite(String code);

  /** Applies one change; answers the offset of its event, {@link #CONFLICT} or {@link #LATE}. */
  Future<Long> write(GameWrite write);

  /**
   * Stores a rematch: the old game one version up (pointing at the new one) with its {@code game.rematched} event,
   * and the new game with its {@code created} event, together. Answers the old game's new offset or
   * {@link #CONFLICT}.
   */
  Future<Long> rematch(GameWrite old, GameWrite created);

  /** The game, its offset, the topic epoch and the events after {@code since} (none when {@code since < 0}). */
  Future<GameHistory> history(String gameId, long since);

  /** The newest offset of each game's topic (0 for a game that does not exist), in one round trip. */
  Future<Map<String, Long>> heads(List<String> gameIds);

  /** Public games waiting for a player, oldest first. */
  Future<List<GameSummary>> lobby();
}
