package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.WsClient;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway outlives the game-service: ops answer {@code unavailable} in time, and work again when it is back. */
class GameServiceOutageTest {

  private static final long TIMEOUT_MS = 1_500;
  private static final TestCluster cluster = new TestCluster();
  private static ParlorRuntime gateway;

  @BeforeAll
  static void startGateway() throws Exception {
    gateway = cluster.start(new JsonObject().put("eventbus.request-timeout-ms", TIMEOUT_MS), new GatewayService());
  }

  @AfterAll
  static void stopNodes() {
    cluster.close();
  }

  private static JsonObject createGame(WsClient ws) throws InterruptedException {
    return ws.request("game.create", new JsonObject().put("kind", "connect4").put("visibility", "private"));
  }

  @Test
  void opsAnswerUnavailableWhileTheGameServiceIsDownAndWorkAgainAfter() throws Exception {
    int port = gateway.port("gateway.http");
    JsonObject session = Guests.create(gateway.vertx(), port, "Bob");
    try (WsClient ws = WsClient.connect(gateway.vertx(), port)) {
      ws.hello(session.getString("token"));

      ParlorRuntime game = cluster.start(new GameService());
      assertEquals("reply", createGame(ws).getString("type"));

      cluster.stop(game);
      long started = System.nanoTime();
      JsonObject refused = createGame(ws);
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      assertEquals("error", refused.getString("type"), refused.encode());
      assertEquals("unavailable", refused.getString("code"));
      assertTrue(elapsedMs < TIMEOUT_MS + 1_000, "answered in " + elapsedMs + " ms");
      assertEquals(200, Guests.getStatus(gateway.vertx(), port, "/health/ready"), "the gateway stays ready");
      assertEquals("reply", ws.request("ping", new JsonObject()).getString("type"), "the connection stays usable");

      cluster.start(new GameService());
      JsonObject again = createGame(ws);
      assertEquals("reply", again.getString("type"), again.encode());
    }
  }

  @Test
  void aServiceThatNeverAnswersTimesOutAsUnavailable() throws Exception {
    int port = gateway.port("gateway.http");
    JsonObject session = Guests.create(gateway.vertx(), port, "Carol");
    ParlorRuntime silent = cluster.start();
    MessageConsumer<JsonObject> blackHole = silent.vertx().eventBus().consumer(Addresses.Game.CREATE, message -> { });
    ParlorRuntime.await(blackHole.completion());
    try (WsClient ws = WsClient.connect(gateway.vertx(), port)) {
      ws.hello(session.getString("token"));
      long started = System.nanoTime();
      JsonObject refused = createGame(ws);
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      assertEquals("unavailable", refused.getString("code"), refused.encode());
      assertTrue(elapsedMs >= TIMEOUT_MS - 100 && elapsedMs < TIMEOUT_MS + 1_000, "answered in " + elapsedMs + " ms");
    } finally {
      ParlorRuntime.await(blackHole.unregister());
      cluster.stop(silent);
    }
  }
}
