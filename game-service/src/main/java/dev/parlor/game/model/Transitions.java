package dev.parlor.game.model;

import static dev.parlor.game.model.Decision.refuse;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GameAction;
import dev.parlor.contracts.game.GamePlayer;
import dev.parlor.game.rules.GameRules;
import dev.parlor.game.rules.MoveResult;
import dev.parlor.game.rules.Outcome;
import dev.parlor.game.rules.Position;
import dev.parlor.game.rules.RuleBook;
import java.util.List;
import java.util.Map;

/**
 * Every change to a stored game as a pure function of the game, the caller and the arguments. Checks run in
 * PROTOCOL.md's order: invalid_args, (not_found is the caller's), forbidden, conflict, game_over, not_your_turn,
 * illegal_move.
 */
public final class Transitions {

  private Transitions() {
  }

  /** A second player joins; {@code byInvite}: the caller used the invite code (private games allow nothing else). */
  public static Decision join(Game game, String userId, String name, boolean byInvite, String now) {
    if (!byInvite && Game.PRIVATE.equals(game.visibility())) {
      return refuse(ErrorCode.FORBIDDEN, "a private game is joined with its invite code");
    }
    if (game.hasPlayer(userId)) {
      return refuse(ErrorCode.CONFLICT, "you are already a player of this game");
    }
    if (!Game.WAITING.equals(game.status()) || game.players().size() >= 2) {
      return refuse(ErrorCode.CONFLICT, "the game is full");
    }
    GameRules rules = RuleBook.of(game.kind());
    GameDraft next = GameDraft.next(game, now);
    next.players.add(new GamePlayer(userId, name, rules.marks().get(1)));
    next.status = Game.PLAYING;
    next.turn = next.players.get(0).userId();
    return new Decision.Change(next.build(), new GameAction(GameAction.JOINED, userId, null));
  }

  public static Decision move(Game game, String userId, Map<String, Object> move, String now) {
    GameRules rules = RuleBook.of(game.kind());
    Object value = move.get(rules.moveField());
    if (!rules.validMove(value)) {
      return refuse(ErrorCode.INVALID_ARGS, "a " + game.kind() + " move is {\"" + rules.moveField()
        + "\": 0–" + (rules.moveCount() - 1) + "}");
    }
    Decision.Refusal refusal = playable(game, userId);
    if (refusal != null) {
      return refusal;
    }
    if (!userId.equals(game.turn())) {
      return refuse(ErrorCode.NOT_YOUR_TURN, "it is the other player's turn");
    }
    int seat = game.seatOf(userId);
    MoveResult result = rules.play(new Position(game.board(), seat, null), seat, value);
    if (result instanceof MoveResult.Rejected rejected) {
      return refuse(ErrorCode.ofCode(rejected.reason().code()), rejected.message());
    }
    Position after = ((MoveResult.Applied) result).position();
    GameDraft next = GameDraft.next(game, now);
    next.board = after.cells();
    Outcome outcome = after.outcome();
    if (outcome == null) {
      next.turn = game.players().get(after.next()).userId();
    } else {
      next.status = Game.FINISHED;
      next.turn = null;
      next.draw = outcome.isDraw();
      next.winner = outcome.isDraw() ? null : game.players().get(rules.marks().indexOf(outcome.winner())).userId();
      next.winningLine = outcome.isDraw() ? null : outcome.winningLine();
    }
    GameAction action = new GameAction(GameAction.MOVE, userId,
      new io.vertx.core.json.JsonObject().put(rules.moveField(), ((Number) value).intValue()));
    return new Decision.Change(next.build(), action);
  }

  /** A player gives up: the opponent wins. The creator of a game still waiting cancels it (no winner). */
  public static Decision resign(Game game, String userId, String now) {
    if (!game.hasPlayer(userId)) {
      return refuse(ErrorCode.FORBIDDEN, "you are not a player of this game");
    }
    if (Game.FINISHED.equals(game.status())) {
      return refuse(ErrorCode.GAME_OVER, "the game is over");
    }
    GameDraft next = GameDraft.next(game, now);
    next.status = Game.FINISHED;
    next.turn = null;
    next.winner = Game.WAITING.equals(game.status()) ? null : opponent(game, userId).userId();
    return new Decision.Change(next.build(), new GameAction(GameAction.RESIGN, userId, null));
  }

  /** A public game nobody joined in time leaves the lobby: finished, no winner, action {@code expired}. */
  public static Decision expire(Game game, String now) {
    if (!Game.WAITING.equals(game.status())) {
      return refuse(ErrorCode.CONFLICT, "the game is no longer waiting");
    }
    GameDraft next = GameDraft.next(game, now);
    next.status = Game.FINISHED;
    return new Decision.Change(next.build(), new GameAction(GameAction.EXPIRED, game.players().get(0).userId(), null));
  }

  /**
   * The caller wins because the opponent has been away long enough; {@code opponentAway} is that judgement, made by
   * the caller of this function from session tracking.
   */
  public static Decision claimWin(Game game, String userId, boolean opponentAway, String now) {
    Decision.Refusal refusal = playable(game, userId);
    if (refusal != null) {
      return refusal;
    }
    if (!opponentAway) {
      return refuse(ErrorCode.CONFLICT, "the opponent has not been away long enough to claim the win");
    }
    GameDraft next = GameDraft.next(game, now);
    next.status = Game.FINISHED;
    next.turn = null;
    next.winner = userId;
    return new Decision.Change(next.build(), new GameAction(GameAction.ABANDON, userId, null));
  }

  /** Checks shared by moves and claims: a player, of a game that has started and is not over. */
  private static Decision.Refusal playable(Game game, String userId) {
    if (!game.hasPlayer(userId)) {
      return refuse(ErrorCode.FORBIDDEN, "you are not a player of this game");
    }
    if (Game.WAITING.equals(game.status())) {
      return refuse(ErrorCode.CONFLICT, "the game has not started: it waits for a second player");
    }
    if (Game.FINISHED.equals(game.status())) {
      return refuse(ErrorCode.GAME_OVER, "the game is over");
    }
    return null;
  }

  /** The player of a two-player game who is not {@code userId}. */
  public static GamePlayer opponent(Game game, String userId) {
    List<GamePlayer> players = game.players();
    return players.get(0).userId().equals(userId) ? players.get(1) : players.get(0);
  }
}
