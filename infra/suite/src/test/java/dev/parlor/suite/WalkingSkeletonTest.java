package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gateway and game-service as separate clustered nodes: a real WebSocket client creates a session, says hello,
 * pings, and creates a game that the game-service stores in Redis.
 */
class WalkingSkeletonTest {

  private static final TestCluster cluster = new TestCluster();
  private static ParlorRuntime gateway;
  private static ParlorRuntime game;

  @BeforeAll
  static void startNodes() throws Exception {
    gateway = cluster.start(new GatewayService());
    game = cluster.start(new GameService());
  }

  @AfterAll
  static void stopNodes() {
    cluster.close();
  }

  @Test
  void guestSaysHelloPingsAndCreatesAGameStoredByTheGameService() throws Exception {
    int port = gateway.port("gateway.http");
    JsonObject session = Guests.create(gateway.vertx(), port, "Alice");
    try (WsClient ws = WsClient.connect(gateway.vertx(), port)) {
      JsonObject welcome = ws.hello(session.getString("token"));
      assertEquals("welcome", welcome.getString("type"));
      assertEquals(session.getString("userId"), welcome.getString("userId"));
      assertEquals("Alice", welcome.getString("name"));
      assertNotNull(welcome.getString("sessionId"));
      assertTrue(welcome.getLong("heartbeatMs") > 0);

      JsonObject pong = ws.request("ping", new JsonObject());
      assertEquals(new JsonObject().put("type", "reply").put("re", pong.getString("re")).put("result", new JsonObject()),
        pong);

      JsonObject created = ws.request("game.create", new JsonObject().put("kind", "tictactoe").put("visibility", "public"));
      assertEquals("reply", created.getString("type"), created.encode());
      JsonObject gameJson = created.getJsonObject("result").getJsonObject("game");
      assertEquals(1L, created.getJsonObject("result").getLong("offset"));
      assertEquals("waiting", gameJson.getString("status"));
      assertEquals(9, gameJson.getJsonArray("board").size());
      JsonArray players = gameJson.getJsonArray("players");
      assertEquals(session.getString("userId"), players.getJsonObject(0).getString("userId"),
        "the game-service took the caller's identity from the gateway's headers");
      assertEquals("X", players.getJsonObject(0).getString("mark"));

      Redis redis = Redis.createClient(game.vertx(), game.redisUrl());
      try {
        Response stored = ParlorRuntime.await(redis.send(Request.cmd(Command.EXISTS)
          .arg("game:" + gameJson.getString("gameId"))));
        assertEquals(1, stored.toInteger(), "the game is stored in Redis under the game-service's prefix");
      } finally {
        redis.close();
      }
    }
  }
}
