package dev.parlor.game.rules;

import java.util.List;

/**
 * How a game ended on the board: the winning mark and every cell of its winning line(s), or a draw
 * ({@code winner == null}, empty line).
 */
public record Outcome(String winner, List<Integer> winningLine) {

  public static Outcome draw() {
    return new Outcome(null, List.of());
  }

  public boolean isDraw() {
    return winner == null;
  }
}
