package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.WsClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rolling redeploy of the gateway, seen by its clients: two gateways and a game-service as clustered nodes;
 * spectators on gateway A follow a game that its players play through gateway B while A stops gracefully. A refuses
 * newcomers, tells each client to reconnect with a delay and jitter, closes stragglers with 1012 after its grace, and
 * every spectator resumes on B with {@code recovered:true}: each move exactly once, in order.
 */
class GatewayDrainTest {

  private static final int SPECTATORS = 6;
  private static final long GRACE_MS = 2_500;
  private static final int[] COLUMNS = {0, 0, 1, 1, 2, 2, 4, 4, 5, 5, 6, 6};

  private static final TestCluster cluster = new TestCluster();
  private static ParlorRuntime gatewayA;
  private static ParlorRuntime gatewayB;

  @BeforeAll
  static void startNodes() throws Exception {
    JsonObject drain = new JsonObject().put("gateway.drain.delay-ms", 100).put("gateway.drain.jitter-ms", 400)
      .put("gateway.drain.grace-ms", GRACE_MS).put("gateway.token.secret", "drain-test-secret-shared-by-both-gateways");
    gatewayA = cluster.start(drain, new GatewayService());
    gatewayB = cluster.start(drain, new GatewayService());
    cluster.start(new GameService());
  }

  @AfterAll
  static void stopNodes() {
    cluster.close();
  }

  @Test
  void drainingGatewaySendsItsClientsElsewhereAndTheyResumeWithNothingMissed() throws Exception {
    int portA = gatewayA.port("gateway.http");
    int portB = gatewayB.port("gateway.http");
    try (WsClient alice = signedIn(portB, "Alice"); WsClient bob = signedIn(portB, "Bob")) {
      JsonObject created = result(alice.request("game.create",
        new JsonObject().put("kind", "connect4").put("visibility", "public")));
      String gameId = created.getJsonObject("game").getString("gameId");
      String topic = "game:" + gameId;
      long offset = result(bob.request("game.join", new JsonObject().put("gameId", gameId))).getLong("offset");

      List<String> tokens = new ArrayList<>();
      List<WsClient> spectators = new ArrayList<>();
      for (int i = 0; i < SPECTATORS; i++) {
        // Clients live on B's Vert.x: A's own closes with A.
        JsonObject guest = Guests.create(gatewayB.vertx(), portA, "Spectator" + i);
        tokens.add(guest.getString("token"));
        WsClient ws = WsClient.connect(gatewayB.vertx(), portA);
        assertEquals("welcome", ws.hello(guest.getString("token")).getString("type"));
        result(ws.request("subscribe", new JsonObject().put("topic", topic).put("since", offset)));
        spectators.add(ws);
      }
      long subscribedAt = offset;
      int move = 0;
      for (; move < 4; move++) {
        offset = move(alice, bob, gameId, move);
      }

      long stopping = System.nanoTime();
      CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> cluster.stop(gatewayA));
      long[] lastSeen = new long[SPECTATORS];
      for (int i = 0; i < SPECTATORS; i++) {
        JsonObject advice = spectators.get(i).awaitFrame("reconnect");
        assertEquals("draining", advice.getString("reason"));
        assertEquals(100, advice.getLong("delayMs"));
        assertEquals(400, advice.getLong("jitterMs"));
      }
      assertEquals(503, postSession(portA).statusCode(), "a draining gateway takes no new session");
      assertEquals("unavailable", postSession(portA).bodyAsJsonObject().getJsonObject("error").getString("code"));
      // The game goes on through B while A drains.
      for (; move < 8; move++) {
        offset = move(alice, bob, gameId, move);
      }
      // Half the spectators follow the advice and leave; the others wait to be closed with 1012 after the grace.
      for (int i = 0; i < SPECTATORS; i++) {
        WsClient ws = spectators.get(i);
        if (i % 2 == 0) {
          ws.close();
        } else {
          assertEquals(1012, ws.awaitClose(), "stragglers are closed with 1012 (service restart)");
        }
        lastSeen[i] = lastGameOffset(ws.takeAll(), topic, subscribedAt);
      }
      stopped.get(GRACE_MS + 10_000, TimeUnit.MILLISECONDS);
      long stopMs = (System.nanoTime() - stopping) / 1_000_000;
      assertTrue(stopMs < GRACE_MS + 8_000, "gateway A stopped in " + stopMs + " ms");

      for (; move < COLUMNS.length; move++) {
        offset = move(alice, bob, gameId, move);
      }
      for (int i = 0; i < SPECTATORS; i++) {
        try (WsClient resumed = WsClient.connect(gatewayB.vertx(), portB)) {
          assertEquals("welcome", resumed.hello(tokens.get(i)).getString("type"));
          JsonObject reply = result(resumed.request("subscribe",
            new JsonObject().put("topic", topic).put("since", lastSeen[i])));
          assertTrue(reply.getBoolean("recovered"), "spectator " + i + " resumes: " + reply.encode());
          for (long expected = lastSeen[i] + 1; expected <= offset; expected++) {
            assertEquals(expected, resumed.awaitEvent(topic, "game.updated").getLong("offset"),
              "spectator " + i + " gets every move it missed once, in order");
          }
        }
      }
    }
  }

  /** The last game offset a spectator saw on A, checking they came gap-free from its subscription on. */
  private static long lastGameOffset(List<JsonObject> frames, String topic, long subscribedAt) {
    long last = subscribedAt;
    for (JsonObject frame : frames) {
      if ("event".equals(frame.getString("type")) && topic.equals(frame.getString("topic"))) {
        assertEquals(last + 1, frame.getLong("offset"), "events on A arrive without gaps or repeats");
        last = frame.getLong("offset");
      }
    }
    return last;
  }

  private static long move(WsClient alice, WsClient bob, String gameId, int index) throws Exception {
    WsClient mover = index % 2 == 0 ? alice : bob;
    return result(mover.request("game.move", new JsonObject().put("gameId", gameId)
      .put("move", new JsonObject().put("column", COLUMNS[index])))).getLong("offset");
  }

  private static WsClient signedIn(int port, String name) throws Exception {
    JsonObject guest = Guests.create(gatewayB.vertx(), port, name);
    WsClient ws = WsClient.connect(gatewayB.vertx(), port);
    assertEquals("welcome", ws.hello(guest.getString("token")).getString("type"));
    return ws;
  }

  private static HttpResponse<Buffer> postSession(int port) throws Exception {
    WebClient client = WebClient.create(gatewayB.vertx());
    try {
      return client.post(port, "127.0.0.1", "/api/v1/sessions").sendJsonObject(new JsonObject().put("name", "Late"))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      client.close();
    }
  }

  private static JsonObject result(JsonObject frame) {
    assertEquals("reply", frame.getString("type"), frame.encode());
    return frame.getJsonObject("result");
  }
}
