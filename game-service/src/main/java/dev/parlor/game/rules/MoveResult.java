package dev.parlor.game.rules;

/** What playing a move gives: the new position, or why the move was refused. */
public sealed interface MoveResult {

  record Applied(Position position, int cell) implements MoveResult {
  }

  record Rejected(Rejection reason, String message) implements MoveResult {
  }
}
