package dev.parlor.game.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A board and whose move it is. {@code next} is the seat to move (0 or 1); {@code outcome} is {@code null} while the
 * game goes on. Immutable: {@link #with} answers a new position.
 */
public record Position(List<String> cells, int next, Outcome outcome) {

  public Position {
    cells = Collections.unmodifiableList(new ArrayList<>(cells));
  }

  public static Position empty(int size) {
    return new Position(Collections.nCopies(size, null), 0, null);
  }

  public boolean over() {
    return outcome != null;
  }

  /** The position after {@code mark} is placed on {@code cell}, judged by {@code rules}. */
  Position with(int cell, String mark, GameRules rules) {
    List<String> board = new ArrayList<>(cells);
    board.set(cell, mark);
    return new Position(board, 1 - next, rules.outcome(board));
  }
}
