package dev.parlor.game.rules;

import java.util.List;

/**
 * The rules of one kind of two-player board game as pure functions: a position and a move give a new position or a
 * typed rejection. A third game is one new implementation registered in {@link RuleBook}.
 */
public interface GameRules {

  /** The kind as clients name it: {@code tictactoe}, {@code connect4}. */
  String kind();

  /** The field of the move object that carries the move: {@code cell} or {@code column}. */
  String moveField();

  /** How many distinct moves exist: a move is an integer in {@code [0, moveCount)}. */
  int moveCount();

  /** The marks, in move order: the first player's mark first. */
  List<String> marks();

  /** Whether a raw JSON value is a well-formed move of this kind (an integer in range), whatever the board. */
  boolean validMove(Object move);

  /** The empty board, row-major, one {@code null} per cell. */
  Position start();

  /**
   * Plays {@code move} (the raw JSON value of {@link #moveField()}) for the player in {@code seat} (0 moves first).
   * Rejections come in protocol order: invalid move value, game over, not your turn, illegal move.
   */
  MoveResult play(Position position, int seat, Object move);

  /** Who has won on a board, and with which cells, or a draw; {@code null} while the game goes on. */
  Outcome outcome(List<String> cells);
}
