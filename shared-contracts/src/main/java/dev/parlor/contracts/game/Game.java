package dev.parlor.contracts.game;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A game as PROTOCOL.md shapes it, plus {@code createdAt}, {@code updatedAt} (ISO-8601) and {@code rematch} (the id
 * of the rematch game, once asked). {@code inviteCode} is shown to the game's players only: {@link #toJson(boolean)}.
 * {@code players} are in move order: the first has mark X (or R) and moves first.
 */
public record Game(String gameId, String kind, String visibility, String inviteCode, String status,
                   List<GamePlayer> players, String turn, List<String> board, String winner, boolean draw,
                   List<Integer> winningLine, long version, String createdAt, String updatedAt, String rematch) {

  public static final String WAITING = "waiting";
  public static final String PLAYING = "playing";
  public static final String FINISHED = "finished";
  public static final String PUBLIC = "public";
  public static final String PRIVATE = "private";

  public boolean hasPlayer(String userId) {
    return seatOf(userId) >= 0;
  }

  /** The index of a user in {@link #players()}, or -1. */
  public int seatOf(String userId) {
    for (int i = 0; i < players.size(); i++) {
      if (players.get(i).userId().equals(userId)) {
        return i;
      }
    }
    return -1;
  }

  /** Everything, invite code included: what players see and what the store keeps. */
  public JsonObject toJson() {
    return toJson(true);
  }

  public JsonObject toJson(boolean withInviteCode) {
    JsonArray playerList = new JsonArray();
    players.forEach(p -> playerList.add(p.toJson()));
    JsonObject json = new JsonObject().put("gameId", gameId).put("kind", kind).put("visibility", visibility);
    if (withInviteCode && inviteCode != null) {
      json.put("inviteCode", inviteCode);
    }
    return json.put("status", status)
      .put("players", playerList)
      .put("turn", turn)
      .put("board", new JsonArray(new ArrayList<>(board)))
      .put("winner", winner)
      .put("draw", draw)
      .put("winningLine", winningLine == null ? null : new JsonArray(new ArrayList<>(winningLine)))
      .put("version", version)
      .put("createdAt", createdAt)
      .put("updatedAt", updatedAt)
      .put("rematch", rematch);
  }

  public static Game fromJson(JsonObject json) {
    List<GamePlayer> players = json.getJsonArray("players").stream()
      .map(p -> GamePlayer.fromJson((JsonObject) p)).toList();
    List<String> board = new ArrayList<>();
    json.getJsonArray("board").forEach(cell -> board.add((String) cell));
    JsonArray line = json.getJsonArray("winningLine");
    List<Integer> winningLine = line == null ? null
      : line.stream().map(i -> ((Number) i).intValue()).toList();
    return new Game(json.getString("gameId"), json.getString("kind"), json.getString("visibility"),
      json.getString("inviteCode"), json.getString("status"), players, json.getString("turn"), board,
      json.getString("winner"), json.getBoolean("draw", false), winningLine, json.getLong("version"),
      json.getString("createdAt"), json.getString("updatedAt"), json.getString("rematch"));
  }
}
