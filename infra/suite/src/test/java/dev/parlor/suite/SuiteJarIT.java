package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runnable jars as an operator runs them: the all-in-one suite starts its own Redis and answers ready on every
 * management port; a second game-service JVM joins, is killed with SIGKILL, and the gateway keeps answering; SIGTERM
 * stops the suite and its Redis.
 */
class SuiteJarIT {

  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent().getParent();
  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close();
  }

  @Test
  void suiteStartsServesSurvivesAKilledSecondGameServiceAndStopsCleanly() throws Exception {
    // The default port-count is 20; the range stays clear of the ports freePort() hands out below.
    int clusterPort = TestCluster.basePort(20);
    Map<String, String> cluster = Map.of(
      "PARLOR_CLUSTER_NAME", "it-" + UUID.randomUUID(),
      "PARLOR_CLUSTER_PORT", String.valueOf(clusterPort),
      "PARLOR_CLUSTER_MEMBERS", "127.0.0.1",
      "PARLOR_CLUSTER_JOIN_WAIT_SECONDS", "0");
    int http = freePort();
    int redisPort = freePort();
    Map<String, Integer> management = Map.of("gateway", freePort(), "game", freePort(), "presence", freePort(),
      "thumbnail", freePort());
    Map<String, String> suiteEnv = new HashMap<>(cluster);
    suiteEnv.put("PARLOR_GATEWAY_HTTP_PORT", String.valueOf(http));
    suiteEnv.put("PARLOR_REDIS_EMBEDDED_PORT", String.valueOf(redisPort));
    management.forEach((service, port) -> suiteEnv.put(
      "PARLOR_" + service.toUpperCase() + "_MANAGEMENT_PORT", String.valueOf(port)));

    try (ServiceProcess suite = ServiceProcess.start(ROOT.resolve("infra/suite/target/parlor-suite.jar"), suiteEnv,
      "Parlor is up")) {
      String up = suite.awaitReady(90);
      assertTrue(up.contains("http://localhost:" + http), up);
      for (int port : management.values()) {
        assertEquals(200, Guests.getStatus(vertx, port, "/health/ready"), "management port " + port);
        assertEquals(200, Guests.getStatus(vertx, port, "/health/live"), "management port " + port);
      }
      assertEquals(200, Guests.getStatus(vertx, http, "/health/ready"));
      assertTrue(answers(redisPort), "the suite started a real Redis");

      Map<String, String> gameEnv = new HashMap<>(cluster);
      gameEnv.put("PARLOR_REDIS_URL", "redis://127.0.0.1:" + redisPort);
      gameEnv.put("PARLOR_GAME_MANAGEMENT_PORT", String.valueOf(freePort()));
      JsonObject session = Guests.create(vertx, http, "Dana");
      try (ServiceProcess secondGame = ServiceProcess.start(ROOT.resolve("game-service/target/game-service.jar"),
        gameEnv, "ready in")) {
        secondGame.awaitReady(90);
        // Connect only now: the gateway closes a socket that has not said hello within 10 s.
        WsClient ws = WsClient.connect(vertx, http);
        ws.hello(session.getString("token"));
        for (int i = 0; i < 10; i++) {
          assertEquals("reply", createGame(ws).getString("type"));
        }
        secondGame.kill();
        int unavailable = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
          JsonObject frame = createGame(ws);
          if (!frame.getString("type").equals("reply")) {
            assertEquals("unavailable", frame.getString("code"), frame.encode());
            unavailable++;
          }
        }
        System.out.printf("after SIGKILL of the second game-service: 10 ops answered in %d ms, %d unavailable%n",
          (System.nanoTime() - started) / 1_000_000, unavailable);
        assertEquals("reply", createGame(ws).getString("type"), "the suite's own game-service serves");
        assertEquals(200, Guests.getStatus(vertx, http, "/health/ready"));
        ws.close();
      }

      int exit = suite.terminate(30);
      assertTrue(exit == 143 || exit == 0, "exit code " + exit + "\n" + suite.output());
      assertTrue(suite.output().contains("Stopping gateway, game, presence, thumbnail"), suite.output());
      assertFalse(answers(redisPort), "the suite's Redis stopped with it");
    }
  }

  private static JsonObject createGame(WsClient ws) throws InterruptedException {
    return ws.request("game.create", new JsonObject().put("kind", "tictactoe").put("visibility", "private"));
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
