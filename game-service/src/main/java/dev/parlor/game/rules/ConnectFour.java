package dev.parlor.game.rules;

import java.util.List;

/**
 * Connect four: 6 rows × 7 columns, row-major from the top; a move names a column ({@code {"column":0–6}}) and the
 * piece falls to the lowest free cell; four in a row in any direction wins; R moves first.
 */
public final class ConnectFour extends GridRules {

  public static final String KIND = "connect4";

  public ConnectFour() {
    super(6, 7, 4, List.of("R", "Y"));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String moveField() {
    return "column";
  }

  @Override
  public int moveCount() {
    return columns();
  }

  @Override
  int landingCell(List<String> cells, int column) {
    for (int row = rows() - 1; row >= 0; row--) {
      int cell = row * columns() + column;
      if (cells.get(cell) == null) {
        return cell;
      }
    }
    return -1;
  }
}
