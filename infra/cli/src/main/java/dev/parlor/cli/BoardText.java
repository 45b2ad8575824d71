package dev.parlor.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A Game as terminal text: the board with the numbers to type, and one status line. No I/O. */
final class BoardText {

  private BoardText() {
  }

  static String render(JsonObject game, String me) {
    JsonArray board = game.getJsonArray("board");
    StringBuilder out = new StringBuilder();
    if ("connect4".equals(game.getString("kind"))) {
      for (int row = 0; row < 6; row++) {
        out.append(" |");
        for (int col = 0; col < 7; col++) {
          String mark = board.getString(row * 7 + col);
          out.append(mark == null ? "." : mark).append('|');
        }
        out.append('\n');
      }
      out.append("  1 2 3 4 5 6 7\n");
    } else {
      for (int row = 0; row < 3; row++) {
        out.append(' ');
        for (int col = 0; col < 3; col++) {
          int cell = row * 3 + col;
          String mark = board.getString(cell);
          out.append(mark == null ? String.valueOf(cell + 1) : mark).append(col < 2 ? " | " : "\n");
        }
        if (row < 2) {
          out.append("---+---+---\n");
        }
      }
    }
    return out.append(status(game, me)).toString();
  }

  static String status(JsonObject game, String me) {
    String status = game.getString("status");
    if ("waiting".equals(status)) {
      return "Waiting for an opponent.";
    }
    if ("finished".equals(status)) {
      if (game.getBoolean("draw", false)) {
        return "Draw.";
      }
      String winner = game.getString("winner");
      return winner != null && winner.equals(me) ? "You win!" : nameOf(game, winner) + " wins.";
    }
    String turn = game.getString("turn");
    return turn != null && turn.equals(me) ? "Your turn (" + markOf(game, me) + ")."
      : nameOf(game, turn) + " to move.";
  }

  static String nameOf(JsonObject game, String userId) {
    for (Object p : game.getJsonArray("players")) {
      JsonObject player = (JsonObject) p;
      if (player.getString("userId").equals(userId)) {
        return player.getString("name");
      }
    }
    return "?";
  }

  private static String markOf(JsonObject game, String userId) {
    for (Object p : game.getJsonArray("players")) {
      JsonObject player = (JsonObject) p;
      if (player.getString("userId").equals(userId)) {
        return player.getString("mark");
      }
    }
    return "?";
  }

  /** The protocol move for what a person typed: cells 1–9, columns 1–7. Null if it is not a number in range. */
  static JsonObject move(String kind, String typed) {
    int n;
    try {
      n = Integer.parseInt(typed.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    boolean c4 = "connect4".equals(kind);
    if (n < 1 || n > (c4 ? 7 : 9)) {
      return null;
    }
    return new JsonObject().put(c4 ? "column" : "cell", n - 1);
  }

  /** What people type for a kind. */
  static String kind(String typed) {
    return switch (typed.toLowerCase(java.util.Locale.ROOT)) {
      case "ttt", "tictactoe", "tic-tac-toe" -> "tictactoe";
      case "c4", "connect4", "connect-four" -> "connect4";
      default -> null;
    };
  }
}
