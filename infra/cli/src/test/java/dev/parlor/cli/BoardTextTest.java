package dev.parlor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class BoardTextTest {

  private static JsonObject game(String kind, JsonArray board, String status, String turn, String winner) {
    return new JsonObject().put("gameId", "g").put("kind", kind).put("status", status).put("turn", turn)
      .put("winner", winner).put("draw", false).put("board", board)
      .put("players", new JsonArray().add(new JsonObject().put("userId", "a").put("name", "Alice").put("mark", "X"))
        .add(new JsonObject().put("userId", "b").put("name", "Bob").put("mark", "O")));
  }

  @Test
  void ticTacToeShowsMarksAndTheNumbersOfFreeCells() {
    JsonArray board = new JsonArray();
    for (int i = 0; i < 9; i++) {
      board.add(i == 0 ? "X" : i == 4 ? "O" : null);
    }
    assertEquals(" X | 2 | 3\n---+---+---\n 4 | O | 6\n---+---+---\n 7 | 8 | 9\nYour turn (X).",
      BoardText.render(game("tictactoe", board, "playing", "a", null), "a"));
    assertEquals("Alice to move.", BoardText.status(game("tictactoe", board, "playing", "a", null), "b"));
  }

  @Test
  void connectFourShowsRowsFromTheTopWithColumnNumbers() {
    JsonArray board = new JsonArray();
    for (int i = 0; i < 42; i++) {
      board.add(i == 38 ? "R" : null);
    }
    String text = BoardText.render(game("connect4", board, "finished", null, "b"), "a");
    assertEquals(" |.|.|.|R|.|.|.|", text.split("\n")[5]);
    assertEquals("  1 2 3 4 5 6 7", text.split("\n")[6]);
    assertEquals("Bob wins.", text.split("\n")[7]);
  }

  @Test
  void typedMovesCountFromOne() {
    assertEquals(new JsonObject().put("cell", 0), BoardText.move("tictactoe", "1"));
    assertEquals(new JsonObject().put("column", 6), BoardText.move("connect4", " 7 "));
    assertNull(BoardText.move("tictactoe", "10"));
    assertNull(BoardText.move("connect4", "x"));
  }
}
