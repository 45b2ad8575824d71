package dev.parlor.game.model;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GamePlayer;
import dev.parlor.game.rules.RuleBook;

/**
 * Rematch of a finished game: a new game with the same players that starts at once, the player who moved second
 * moving first (and taking the first mark). The old game records the new game's id, so asking again finds it.
 */
public final class Rematches {

  /** What a rematch request leads to. */
  public sealed interface Plan {
  }

  /** Create {@code created} and store {@code old} (one version up, pointing at it) together. */
  public record Create(Game old, Game created) implements Plan {
  }

  /** The rematch exists already: answer it. */
  public record Existing(String gameId) implements Plan {
  }

  public record Refused(ErrorCode code, String message) implements Plan {
  }

  private Rematches() {
  }

  public static Plan plan(Game game, String userId, String newGameId, String inviteCode, String now) {
    if (!game.hasPlayer(userId)) {
      return new Refused(ErrorCode.FORBIDDEN, "you are not a player of this game");
    }
    if (!Game.FINISHED.equals(game.status()) || game.players().size() < 2) {
      return new Refused(ErrorCode.CONFLICT, "only a finished game between two players can be rematched");
    }
    if (game.rematch() != null) {
      return new Existing(game.rematch());
    }
    GamePlayer movedFirst = game.players().get(0);
    GamePlayer movedSecond = game.players().get(1);
    Game created = NewGames.playing(RuleBook.of(game.kind()), game.visibility(), newGameId, inviteCode,
      new String[] {movedSecond.userId(), movedSecond.name()}, new String[] {movedFirst.userId(), movedFirst.name()},
      now);
    GameDraft old = GameDraft.next(game, now);
    old.rematch = newGameId;
    return new Create(old.build(), created);
  }
}
