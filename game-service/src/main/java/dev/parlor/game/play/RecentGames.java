package dev.parlor.game.play;

import dev.parlor.contracts.game.Game;
import dev.parlor.game.store.StoredGame;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The games this process wrote last, as it wrote them: a move can be decided without reading the game back from
 * Redis first. Only a hint: the write still names the version it was decided on, so a game that another instance
 * changed meanwhile is refused by the store as a conflict, and {@link GameChanges} reads it again and decides
 * anew; a refusal decided on a remembered game is checked against a fresh read too. Games in progress only (a
 * finished game changes no more), at most {@code capacity}, the least recently used dropped first. Shared by every
 * verticle instance of the process.
 */
public final class RecentGames {

  private final Map<String, StoredGame> games;

  /** {@code capacity} 0 (or less) remembers nothing: every move reads its game first. */
  public RecentGames(int capacity) {
    this.games = new LinkedHashMap<>(Math.max(0, Math.min(capacity, 1024)), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, StoredGame> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The game as this process last stored it, or {@code null}. */
  public synchronized StoredGame get(String gameId) {
    return games.get(gameId);
  }

  /**
   * Remembers a game just stored at {@code offset}; an older version than the one remembered is ignored (two writes'
   * answers may arrive in either order), a finished game is forgotten.
   */
  public synchronized void stored(Game game, long offset) {
    if (Game.FINISHED.equals(game.status())) {
      games.remove(game.gameId());
      return;
    }
    StoredGame known = games.get(game.gameId());
    if (known == null || known.game().version() < game.version()) {
      games.put(game.gameId(), new StoredGame(game, offset));
    }
  }

  /** Forgets a game whose stored state is not known any more (a conflict, a failed write). */
  public synchronized void forget(String gameId) {
    games.remove(gameId);
  }

  public synchronized int size() {
    return games.size();
  }
}
