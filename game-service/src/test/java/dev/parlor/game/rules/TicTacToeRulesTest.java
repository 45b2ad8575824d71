package dev.parlor.game.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TicTacToeRulesTest {

  private final TicTacToe rules = new TicTacToe();

  /**
   * The oracle knows nothing of the rules' line table: three cells win when they hold the same mark and their
   * coordinates are collinear and evenly spaced, found by trying every triple.
   */
  private static String[] oracle(String[] board) {
    TreeSet<Integer> line = new TreeSet<>();
    String winner = null;
    for (int a = 0; a < 9; a++) {
      for (int b = a + 1; b < 9; b++) {
        for (int c = b + 1; c < 9; c++) {
          if (board[a] == null || !board[a].equals(board[b]) || !board[a].equals(board[c])) {
            continue;
          }
          int ra = a / 3, ca = a % 3, rb = b / 3, cb = b % 3, rc = c / 3, cc = c % 3;
          boolean evenlySpaced = rb - ra == rc - rb && cb - ca == cc - cb;
          if (evenlySpaced) {
            winner = board[a];
            line.addAll(List.of(a, b, c));
          }
        }
      }
    }
    boolean full = Arrays.stream(board).allMatch(cell -> cell != null);
    return new String[] {winner, winner == null && full ? "draw" : null, line.toString()};
  }

  @Test
  void everyReachablePositionIsJudgedLikeTheOracle() {
    Map<String, String[]> reachable = new HashMap<>();
    Deque<String[]> todo = new ArrayDeque<>();
    todo.add(new String[9]);
    while (!todo.isEmpty()) {
      String[] board = todo.poll();
      String key = Arrays.toString(board);
      if (reachable.containsKey(key)) {
        continue;
      }
      reachable.put(key, board);
      String[] verdict = oracle(board);
      if (verdict[0] != null || verdict[1] != null) {
        continue;
      }
      long marks = Arrays.stream(board).filter(cell -> cell != null).count();
      String mark = marks % 2 == 0 ? "X" : "O";
      for (int cell = 0; cell < 9; cell++) {
        if (board[cell] == null) {
          String[] next = board.clone();
          next[cell] = mark;
          todo.add(next);
        }
      }
    }
    assertEquals(5478, reachable.size());

    for (String[] board : reachable.values()) {
      String[] verdict = oracle(board);
      Outcome outcome = rules.outcome(Arrays.asList(board));
      String where = Arrays.toString(board);
      if (verdict[0] != null) {
        assertEquals(verdict[0], outcome.winner(), where);
        assertEquals(verdict[2], new TreeSet<>(outcome.winningLine()).toString(), where);
      } else if (verdict[1] != null) {
        assertTrue(outcome.isDraw(), where);
        assertTrue(outcome.winningLine().isEmpty(), where);
      } else {
        assertNull(outcome, where);
      }
    }
  }

  @Test
  void playingEveryLegalMoveReachesExactlyTheReachablePositions() {
    Map<List<String>, Position> seen = new HashMap<>();
    Deque<Position> todo = new ArrayDeque<>(List.of(rules.start()));
    while (!todo.isEmpty()) {
      Position position = todo.poll();
      if (seen.putIfAbsent(position.cells(), position) != null) {
        continue;
      }
      for (int cell = 0; cell < 9; cell++) {
        MoveResult result = rules.play(position, position.next(), cell);
        if (position.over()) {
          assertEquals(Rejection.GAME_OVER, assertInstanceOf(MoveResult.Rejected.class, result).reason());
        } else if (position.cells().get(cell) != null) {
          assertEquals(Rejection.ILLEGAL_MOVE, assertInstanceOf(MoveResult.Rejected.class, result).reason());
        } else {
          todo.add(assertInstanceOf(MoveResult.Applied.class, result).position());
        }
      }
    }
    assertEquals(5478, seen.size());
  }

  @Test
  void xMovesFirstAndTurnsAlternate() {
    Position after = applied(rules.play(rules.start(), 0, 4));
    assertEquals("X", after.cells().get(4));
    assertEquals(1, after.next());
    assertEquals(Rejection.NOT_YOUR_TURN, rejected(rules.play(after, 0, 0)));
    assertEquals("O", applied(rules.play(after, 1, 0)).cells().get(0));
  }

  @Test
  void secondPlayerCannotMoveFirst() {
    assertEquals(Rejection.NOT_YOUR_TURN, rejected(rules.play(rules.start(), 1, 0)));
  }

  @Test
  void takenCellIsIllegal() {
    Position after = applied(rules.play(rules.start(), 0, 4));
    assertEquals(Rejection.ILLEGAL_MOVE, rejected(rules.play(after, 1, 4)));
  }

  @Test
  void movesOutsideTheBoardOrNotIntegersAreInvalid() {
    for (Object bad : new Object[] {-1, 9, 100, 1.5, "4", null, true, Long.MAX_VALUE, Double.NaN}) {
      assertEquals(Rejection.INVALID_ARGS, rejected(rules.play(rules.start(), 0, bad)), String.valueOf(bad));
    }
    assertEquals("X", applied(rules.play(rules.start(), 0, 4.0)).cells().get(4));
    assertEquals("X", applied(rules.play(rules.start(), 0, 8L)).cells().get(8));
  }

  @Test
  void finishedGameRefusesEveryMoveAsGameOver() {
    Position position = rules.start();
    for (int cell : new int[] {0, 3, 1, 4, 2}) {
      position = applied(rules.play(position, position.next(), cell));
    }
    assertEquals("X", position.outcome().winner());
    assertEquals(List.of(0, 1, 2), position.outcome().winningLine());
    assertEquals(Rejection.GAME_OVER, rejected(rules.play(position, position.next(), 8)));
    assertEquals(Rejection.INVALID_ARGS, rejected(rules.play(position, 0, 99)));
  }

  @Test
  void fullBoardWithoutLineIsDraw() {
    Position position = rules.start();
    for (int cell : new int[] {0, 1, 2, 4, 3, 5, 7, 6, 8}) {
      position = applied(rules.play(position, position.next(), cell));
    }
    assertTrue(position.outcome().isDraw());
    assertEquals(new ArrayList<>(List.of()), position.outcome().winningLine());
  }

  static Position applied(MoveResult result) {
    return assertInstanceOf(MoveResult.Applied.class, result).position();
  }

  static Rejection rejected(MoveResult result) {
    return assertInstanceOf(MoveResult.Rejected.class, result).reason();
  }
}
