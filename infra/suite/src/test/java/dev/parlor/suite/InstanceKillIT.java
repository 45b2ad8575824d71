package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.presence.PresenceService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.runtime.config.ConfigLoader;
import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.WsClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL of a real service process in the middle of use: another game-service instance carries the game on with no
 * acknowledged move lost or doubled, and the members a killed gateway held leave their rooms within the bound.
 */
class InstanceKillIT {

  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent().getParent();
  private final TestCluster cluster = new TestCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  /** The cluster's settings as the environment of a separate service process. */
  private Map<String, String> processEnv(JsonObject extra) {
    Map<String, String> env = new HashMap<>();
    cluster.settings().mergeIn(extra).forEach(e -> env.put(ConfigLoader.envName(e.getKey()), String.valueOf(e.getValue())));
    return env;
  }

  @Test
  void aGameGoesOnWhenTheGameServiceInstanceServingItIsKilled() throws Exception {
    ParlorRuntime gateway = cluster.start(new GatewayService());
    cluster.start(new GameService());
    int port = gateway.port("gateway.http");
    try (ServiceProcess doomed = ServiceProcess.start(ROOT.resolve("game-service/target/game-service.jar"),
      onlyServiceKeys(processEnv(new JsonObject()), "game"), "ready in")) {
      doomed.awaitReady(90);
      WsClient alice = signedIn(gateway, port, "Alice");
      WsClient bob = signedIn(gateway, port, "Bob");
      JsonObject created = alice.request("game.create", new JsonObject().put("kind", "connect4").put("visibility", "public"));
      String gameId = created.getJsonObject("result").getJsonObject("game").getString("gameId");
      JsonObject joined = bob.request("game.join", new JsonObject().put("gameId", gameId));
      long offset = joined.getJsonObject("result").getLong("offset");
      // Alice fills the bottom row from the left and wins with her fourth disc; Bob stacks on top of her.
      int[] columns = {0, 0, 1, 1, 2, 2, 3};
      int unavailable = 0;
      for (int i = 0; i < columns.length; i++) {
        if (i == 2) {
          doomed.kill();
        }
        WsClient mover = i % 2 == 0 ? alice : bob;
        JsonObject move = new JsonObject().put("gameId", gameId).put("move", new JsonObject().put("column", columns[i]));
        while (true) {
          JsonObject answer = mover.request("game.move", move);
          if (answer.getString("type").equals("reply")) {
            assertEquals(++offset, answer.getJsonObject("result").getLong("offset"), "acknowledged moves count on");
            break;
          }
          assertEquals("unavailable", answer.getString("code"), answer.encode());
          unavailable++;
          // The request may have been applied by the killed instance before it died: ask the store.
          JsonObject snapshot = mover.request("subscribe", new JsonObject().put("topic", "game:" + gameId));
          if (snapshot.getJsonObject("result").getLong("offset") == offset + 1) {
            offset++;
            break;
          }
        }
      }
      // A fresh session replays the whole history: it has seen nothing, so every offset must come exactly once.
      WsClient auditor = signedIn(gateway, port, "Auditor");
      JsonObject replay = auditor.request("subscribe", new JsonObject().put("topic", "game:" + gameId).put("since", 0));
      assertEquals(offset, replay.getJsonObject("result").getLong("offset"));
      assertTrue(replay.getJsonObject("result").getBoolean("recovered"));
      JsonObject last = null;
      for (long expected = 1; expected <= offset; expected++) {
        last = auditor.awaitEvent("game:" + gameId, "game.updated", e -> true, Duration.ofSeconds(10));
        assertEquals(expected, last.getLong("offset"), "history without gaps or doubles");
      }
      auditor.close();
      assertEquals(2 + columns.length, offset, "created, joined and every move exactly once");
      JsonObject game = last.getJsonObject("data").getJsonObject("game");
      assertEquals("finished", game.getString("status"));
      assertEquals(game.getJsonArray("players").getJsonObject(0).getString("userId"), game.getString("winner"));
      System.out.printf("game-service SIGKILL mid-game: %d moves, %d answered unavailable and retried%n",
        columns.length, unavailable);
      alice.close();
      bob.close();
    }
  }

  @Test
  void membersOfAKilledGatewayLeaveTheirRoomsWithinThirtySeconds() throws Exception {
    ParlorRuntime observerGateway = cluster.start(new GatewayService());
    cluster.start(new PresenceService());
    int doomedPort = freePort();
    Map<String, String> env = onlyServiceKeys(processEnv(new JsonObject()
      .put("gateway.http.port", doomedPort).put("gateway.management.port", freePort())), "gateway");
    try (ServiceProcess doomed = ServiceProcess.start(ROOT.resolve("gateway-service/target/gateway-service.jar"), env,
      "ready in")) {
      doomed.awaitReady(90);
      String room = "drill-" + UUID.randomUUID().toString().substring(0, 8);
      JsonObject ghost = Guests.create(observerGateway.vertx(), doomedPort, "Ghost");
      WsClient ghostSocket = WsClient.connect(observerGateway.vertx(), doomedPort);
      ghostSocket.hello(ghost.getString("token"));
      assertEquals("reply", ghostSocket.request("presence.set", new JsonObject().put("room", room).put("status", "here"))
        .getString("type"));

      WsClient observer = signedIn(observerGateway, observerGateway.port("gateway.http"), "Watcher");
      JsonObject snapshot = observer.request("subscribe", new JsonObject().put("topic", "presence:" + room));
      assertTrue(snapshot.getJsonObject("result").getJsonObject("snapshot").getJsonArray("members").encode()
        .contains(ghost.getString("userId")), snapshot.encode());

      doomed.kill();
      long killed = System.nanoTime();
      JsonObject left = observer.awaitEvent("presence:" + room, "presence.diff",
        diff -> diff.getJsonObject("data").getJsonArray("left").contains(ghost.getString("userId")),
        Duration.ofSeconds(35));
      long leftMs = (System.nanoTime() - killed) / 1_000_000;
      assertTrue(leftMs <= 30_000, "left " + leftMs + " ms after the kill: " + left.encode());
      System.out.printf("gateway SIGKILL: its member left the room %d ms later%n", leftMs);
      observer.close();
    }
  }

  private static WsClient signedIn(ParlorRuntime node, int port, String name) throws Exception {
    JsonObject session = Guests.create(node.vertx(), port, name);
    WsClient ws = WsClient.connect(node.vertx(), port);
    assertEquals("welcome", ws.hello(session.getString("token")).getString("type"));
    return ws;
  }

  /** Common settings plus those of one service: a process is told only what it knows. */
  private static Map<String, String> onlyServiceKeys(Map<String, String> env, String service) {
    env.keySet().removeIf(name -> name.matches("PARLOR_(GATEWAY|GAME|PRESENCE|THUMBNAIL)_.*")
      && !name.startsWith("PARLOR_" + service.toUpperCase() + "_"));
    return env;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
