package dev.parlor.game.rules;

import java.util.List;

/** Tic-tac-toe: 3 × 3 cells, a move names a free cell ({@code {"cell":0–8}}), three in a row wins, X moves first. */
public final class TicTacToe extends GridRules {

  public static final String KIND = "tictactoe";

  public TicTacToe() {
    super(3, 3, 3, List.of("X", "O"));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String moveField() {
    return "cell";
  }

  @Override
  public int moveCount() {
    return 9;
  }

  @Override
  int landingCell(List<String> cells, int move) {
    return cells.get(move) == null ? move : -1;
  }
}
