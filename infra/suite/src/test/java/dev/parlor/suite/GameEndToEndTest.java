package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real gateway and game-service as separate clustered nodes, driven by real WebSocket clients exactly as
 * PROTOCOL.md fixes it: a private game by invite code played to a win, watched through its topic and replayed; a
 * quick match announced on the user topic.
 */
class GameEndToEndTest {

  private static final TestCluster cluster = new TestCluster();
  private static final Map<WsClient, String> USER_IDS = new ConcurrentHashMap<>();
  private static final Map<WsClient, String> TOKENS = new ConcurrentHashMap<>();
  private static ParlorRuntime gateway;

  @BeforeAll
  static void startNodes() throws Exception {
    gateway = cluster.start(new GatewayService());
    cluster.start(new GameService());
  }

  @AfterAll
  static void stopNodes() {
    cluster.close();
  }

  private static WsClient signedIn(String name) throws Exception {
    JsonObject session = Guests.create(gateway.vertx(), gateway.port("gateway.http"), name);
    WsClient ws = WsClient.connect(gateway.vertx(), gateway.port("gateway.http"));
    assertEquals("welcome", ws.hello(session.getString("token")).getString("type"));
    USER_IDS.put(ws, session.getString("userId"));
    TOKENS.put(ws, session.getString("token"));
    return ws;
  }

  /** A second session of the same user, as after opening the game in another tab. */
  private static WsClient anotherSessionOf(WsClient ws) throws Exception {
    WsClient again = WsClient.connect(gateway.vertx(), gateway.port("gateway.http"));
    assertEquals("welcome", again.hello(TOKENS.get(ws)).getString("type"));
    return again;
  }

  private static JsonObject result(JsonObject frame) {
    assertEquals("reply", frame.getString("type"), frame.encode());
    return frame.getJsonObject("result");
  }

  @Test
  void privateGameByInviteIsPlayedToAWinThatBothPlayersSeeAndCanBeReplayed() throws Exception {
    try (WsClient alice = signedIn("Alice"); WsClient bob = signedIn("Bob")) {
      JsonObject created = result(alice.request("game.create",
        new JsonObject().put("kind", "tictactoe").put("visibility", "private")));
      JsonObject game = created.getJsonObject("game");
      String gameId = game.getString("gameId");
      String topic = "game:" + gameId;
      result(alice.request("subscribe", new JsonObject().put("topic", topic).put("since", created.getLong("offset"))));

      JsonObject byId = bob.request("game.join", new JsonObject().put("gameId", gameId));
      assertEquals("forbidden", byId.getString("code"), "a private game cannot be joined by id");
      JsonObject joined = result(bob.request("game.join", new JsonObject().put("inviteCode", game.getString("inviteCode"))));
      assertEquals("playing", joined.getJsonObject("game").getString("status"));
      result(bob.request("subscribe", new JsonObject().put("topic", topic).put("since", joined.getLong("offset"))));
      assertEquals("joined", alice.awaitEvent(topic, "game.updated").getJsonObject("data")
        .getJsonObject("action").getString("type"));

      String aliceId = game.getJsonArray("players").getJsonObject(0).getString("userId");
      // X (Alice, who moves first) takes the top row; O (Bob) plays the middle row.
      int[][] moves = {{0, 1}, {3, 2}, {1, 1}, {4, 2}, {2, 1}};
      long offset = joined.getLong("offset");
      JsonObject last = null;
      for (int[] move : moves) {
        WsClient mover = move[1] == 1 ? alice : bob;
        if (move[0] == 3) {
          assertEquals("not_your_turn", alice.request("game.move", new JsonObject().put("gameId", gameId)
            .put("move", new JsonObject().put("cell", 8))).getString("code"));
        }
        JsonObject moved = result(mover.request("game.move", new JsonObject().put("gameId", gameId)
          .put("move", new JsonObject().put("cell", move[0]))));
        assertEquals(++offset, moved.getLong("offset"), "offsets count without gaps");
        for (WsClient player : new WsClient[] {alice, bob}) {
          last = player.awaitEvent(topic, "game.updated");
          assertEquals(offset, last.getLong("offset"), "both players see every move, in order");
        }
      }
      JsonObject finished = last.getJsonObject("data").getJsonObject("game");
      assertEquals("finished", finished.getString("status"));
      assertEquals(aliceId, finished.getString("winner"));
      assertFalse(finished.getBoolean("draw"));
      assertEquals(new JsonArray().add(0).add(1).add(2), new JsonArray(finished.getJsonArray("winningLine").stream()
        .sorted().toList()));
      assertNull(finished.getValue("inviteCode"), "topic events never carry the invite code");
      assertEquals("game_over", bob.request("game.move", new JsonObject().put("gameId", gameId)
        .put("move", new JsonObject().put("cell", 8))).getString("code"));

      try (WsClient watcher = signedIn("Carol")) {
        JsonObject privateTopic = watcher.request("subscribe", new JsonObject().put("topic", topic));
        assertEquals("forbidden", privateTopic.getString("code"), "a spectator cannot follow a private game");
      }
      // A session that has seen nothing of the game replays it move by move from offset 0.
      try (WsClient replayer = anotherSessionOf(alice)) {
        JsonObject replay = result(replayer.request("subscribe", new JsonObject().put("topic", topic).put("since", 0)));
        assertTrue(replay.getBoolean("recovered"));
        for (long expected = 1; expected <= offset; expected++) {
          assertEquals(expected, replayer.awaitEvent(topic, "game.updated").getLong("offset"), "replay from 0 in order");
        }
      }
    }
  }

  @Test
  void quickMatchAnnouncesTheGameOnBothUserTopics() throws Exception {
    try (WsClient dana = signedIn("Dana"); WsClient erin = signedIn("Erin")) {
      assertTrue(result(dana.request("game.quickmatch", new JsonObject().put("kind", "connect4"))).getBoolean("queued"));
      long started = System.nanoTime();
      assertTrue(result(erin.request("game.quickmatch", new JsonObject().put("kind", "connect4"))).getBoolean("queued"));
      JsonObject forErin = erin.awaitEvent(userTopic(erin), "game.matched");
      JsonObject forDana = dana.awaitEvent(userTopic(dana), "game.matched");
      long matchMs = (System.nanoTime() - started) / 1_000_000;
      assertTrue(matchMs < 1_000, "matched in " + matchMs + " ms");
      String gameId = forErin.getJsonObject("data").getJsonObject("game").getString("gameId");
      assertEquals(gameId, forDana.getJsonObject("data").getJsonObject("game").getString("gameId"));
      assertEquals("playing", forDana.getJsonObject("data").getJsonObject("game").getString("status"));
      assertTrue(forErin.getLong("offset") >= 1, "the user topic is durable");
    }
  }

  private static String userTopic(WsClient ws) {
    return "user:" + USER_IDS.get(ws);
  }
}
