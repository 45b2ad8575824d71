package dev.parlor.game.rules;

import static dev.parlor.game.rules.TicTacToeRulesTest.applied;
import static dev.parlor.game.rules.TicTacToeRulesTest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConnectFourRulesTest {

  private final ConnectFour rules = new ConnectFour();

  private Position play(int... columns) {
    Position position = rules.start();
    for (int column : columns) {
      position = applied(rules.play(position, position.next(), column));
    }
    return position;
  }

  private static int cell(int row, int column) {
    return row * 7 + column;
  }

  private static TreeSet<Integer> cells(int... indexes) {
    TreeSet<Integer> set = new TreeSet<>();
    for (int i : indexes) {
      set.add(i);
    }
    return set;
  }

  @Test
  void piecesFallToTheLowestFreeRow() {
    Position position = play(3, 3);
    assertEquals("R", position.cells().get(cell(5, 3)));
    assertEquals("Y", position.cells().get(cell(4, 3)));
    assertNull(position.outcome());
  }

  @Test
  void horizontalWinOnTheBottomRowAtTheLeftEdge() {
    Position position = play(0, 0, 1, 1, 2, 2, 3);
    assertEquals("R", position.outcome().winner());
    assertEquals(cells(cell(5, 0), cell(5, 1), cell(5, 2), cell(5, 3)), new TreeSet<>(position.outcome().winningLine()));
  }

  @Test
  void horizontalWinAtTheRightEdge() {
    Position position = play(6, 6, 5, 5, 4, 4, 3);
    assertEquals("R", position.outcome().winner());
    assertEquals(cells(cell(5, 3), cell(5, 4), cell(5, 5), cell(5, 6)), new TreeSet<>(position.outcome().winningLine()));
  }

  @Test
  void verticalWinReachingTheTopRowAtTheRightEdge() {
    // Column 6 gets Y, Y then R × 4: the last R lands on the top row.
    Position position = play(0, 6, 1, 6, 6, 0, 6, 1, 6, 0, 6);
    assertEquals("R", position.outcome().winner());
    assertEquals(cells(cell(0, 6), cell(1, 6), cell(2, 6), cell(3, 6)), new TreeSet<>(position.outcome().winningLine()));
  }

  @Test
  void verticalWinForTheSecondPlayer() {
    Position position = play(0, 1, 0, 1, 0, 1, 2, 1);
    assertEquals("Y", position.outcome().winner());
    assertEquals(cells(cell(2, 1), cell(3, 1), cell(4, 1), cell(5, 1)), new TreeSet<>(position.outcome().winningLine()));
  }

  @Test
  void risingDiagonalWinFromTheBottomLeftCorner() {
    Position position = play(0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3);
    assertEquals("R", position.outcome().winner());
    assertEquals(cells(cell(5, 0), cell(4, 1), cell(3, 2), cell(2, 3)), new TreeSet<>(position.outcome().winningLine()));
  }

  @Test
  void fallingDiagonalWinIntoTheBottomRightCorner() {
    Position position = play(6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3);
    assertEquals("R", position.outcome().winner());
    assertEquals(cells(cell(5, 6), cell(4, 5), cell(3, 4), cell(2, 3)), new TreeSet<>(position.outcome().winningLine()));
  }

  @Test
  void diagonalTouchingTheTopRow() {
    List<String> board = new ArrayList<>(Collections.nCopies(42, null));
    for (int i = 0; i < 4; i++) {
      board.set(cell(i, 3 + i), "Y");
    }
    Outcome outcome = rules.outcome(board);
    assertEquals("Y", outcome.winner());
    assertEquals(cells(cell(0, 3), cell(1, 4), cell(2, 5), cell(3, 6)), new TreeSet<>(outcome.winningLine()));
  }

  @Test
  void threeInARowDoesNotWin() {
    assertNull(play(0, 0, 1, 1, 2, 2).outcome());
  }

  @Test
  void fullColumnIsIllegal() {
    Position position = play(0, 0, 0, 0, 0, 0);
    assertEquals(Rejection.ILLEGAL_MOVE, rejected(rules.play(position, position.next(), 0)));
  }

  @Test
  void columnsOutsideTheBoardAreInvalid() {
    for (Object bad : new Object[] {-1, 7, 42, 2.5, "3", null}) {
      assertEquals(Rejection.INVALID_ARGS, rejected(rules.play(rules.start(), 0, bad)), String.valueOf(bad));
    }
  }

  @Test
  void playerCannotMoveTwice() {
    Position position = play(3);
    assertEquals(Rejection.NOT_YOUR_TURN, rejected(rules.play(position, 0, 4)));
  }

  @Test
  void noMoveAfterAWin() {
    Position position = play(0, 1, 0, 1, 0, 1, 0);
    assertEquals("R", position.outcome().winner());
    assertEquals(Rejection.GAME_OVER, rejected(rules.play(position, 1, 1)));
  }

  @Test
  void fullBoardWithoutFourInARowIsDraw() {
    // Columns filled in pairs in the order 0,1 / 2,3 / 4,5, 6 alternates: no four of one mark line up.
    int[] order = {0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 2, 3, 2, 3, 2, 3, 3, 2, 3, 2, 3, 2,
      4, 5, 4, 5, 4, 5, 5, 4, 5, 4, 5, 4, 6, 6, 6, 6, 6, 6};
    Position position = play(order);
    assertTrue(position.outcome().isDraw(), position.cells().toString());
  }
}
