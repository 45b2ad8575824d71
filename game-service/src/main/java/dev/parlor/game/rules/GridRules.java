package dev.parlor.game.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What tic-tac-toe and connect four share: a rectangular board, two marks, a win by {@code runLength} marks in a row
 * in any of the four directions, a draw on a full board. Subclasses only say where a move lands.
 */
abstract class GridRules implements GameRules {

  private static final int[][] DIRECTIONS = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};

  private final int rows;
  private final int columns;
  private final int runLength;
  private final List<String> marks;
  private final List<int[]> lines;

  GridRules(int rows, int columns, int runLength, List<String> marks) {
    this.rows = rows;
    this.columns = columns;
    this.runLength = runLength;
    this.marks = List.copyOf(marks);
    this.lines = allLines();
  }

  /** The cell a legal move fills, or -1 when the move is illegal on this board. */
  abstract int landingCell(List<String> cells, int move);

  @Override
  public List<String> marks() {
    return marks;
  }

  @Override
  public Position start() {
    return Position.empty(rows * columns);
  }

  @Override
  public MoveResult play(Position position, int seat, Object move) {
    int value = moveValue(move);
    if (value < 0) {
      return new MoveResult.Rejected(Rejection.INVALID_ARGS,
        moveField() + " must be an integer from 0 to " + (moveCount() - 1));
    }
    if (position.over()) {
      return new MoveResult.Rejected(Rejection.GAME_OVER, "the game is over");
    }
    if (seat != position.next()) {
      return new MoveResult.Rejected(Rejection.NOT_YOUR_TURN, "it is the other player's turn");
    }
    int cell = landingCell(position.cells(), value);
    if (cell < 0) {
      return new MoveResult.Rejected(Rejection.ILLEGAL_MOVE, moveField() + " " + value + " is not free");
    }
    return new MoveResult.Applied(position.with(cell, marks.get(seat), this), cell);
  }

  @Override
  public boolean validMove(Object move) {
    return moveValue(move) >= 0;
  }

  /** The move as an integer in range, or -1. JSON numbers arrive as Integer, Long or Double. */
  int moveValue(Object move) {
    if (!(move instanceof Number number)) {
      return -1;
    }
    double d = number.doubleValue();
    if (d != Math.rint(d) || d < 0 || d >= moveCount()) {
      return -1;
    }
    return (int) d;
  }

  @Override
  public Outcome outcome(List<String> cells) {
    TreeSet<Integer> winning = new TreeSet<>();
    String winner = null;
    for (int[] line : lines) {
      String first = cells.get(line[0]);
      if (first != null && allSame(cells, line, first)) {
        winner = first;
        for (int cell : line) {
          winning.add(cell);
        }
      }
    }
    if (winner != null) {
      return new Outcome(winner, List.copyOf(winning));
    }
    return cells.contains(null) ? null : Outcome.draw();
  }

  private static boolean allSame(List<String> cells, int[] line, String mark) {
    for (int cell : line) {
      if (!mark.equals(cells.get(cell))) {
        return false;
      }
    }
    return true;
  }

  int rows() {
    return rows;
  }

  int columns() {
    return columns;
  }

  /** Every run of {@code runLength} cells in a row, column or diagonal, as row-major indexes. */
  private List<int[]> allLines() {
    List<int[]> result = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        for (int[] direction : DIRECTIONS) {
          int endRow = row + direction[0] * (runLength - 1);
          int endColumn = column + direction[1] * (runLength - 1);
          if (endRow < 0 || endRow >= rows || endColumn < 0 || endColumn >= columns) {
            continue;
          }
          int[] line = new int[runLength];
          for (int i = 0; i < runLength; i++) {
            line[i] = (row + direction[0] * i) * columns + column + direction[1] * i;
          }
          result.add(line);
        }
      }
    }
    return result;
  }
}
