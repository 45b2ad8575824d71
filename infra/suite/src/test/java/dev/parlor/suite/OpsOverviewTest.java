package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.presence.PresenceService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.WsClient;
import dev.parlor.thumbnail.ThumbnailService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code GET /api/v1/ops/overview} on a real cluster: one node with every service and a second game-service node.
 * Beacons every 200 ms, so an instance that stops or falls silent shows within a second.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpsOverviewTest {

  private static final TestCluster cluster = new TestCluster();
  private static final JsonObject FAST_BEACONS = new JsonObject().put("ops.beacon-ms", 200);
  private static ParlorRuntime main;
  private static ParlorRuntime secondGame;
  private static WebClient http;
  private static final List<WsClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    main = cluster.start(FAST_BEACONS, new GatewayService(), new GameService(), new PresenceService(),
      new ThumbnailService());
    secondGame = cluster.start(FAST_BEACONS, new GameService());
    http = WebClient.create(main.vertx());
  }

  @AfterAll
  static void stop() {
    clients.forEach(WsClient::close);
    http.close();
    cluster.close();
  }

  private static JsonObject overview() throws Exception {
    var response = ParlorRuntime.await(http.get(main.port("gateway.http"), "127.0.0.1", "/api/v1/ops/overview")
      .send());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  /** Polls the overview (it changes with each beacon) until it shows what the test waits for. */
  private static JsonObject awaitOverview(String what, Predicate<JsonObject> wanted) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    JsonObject last = overview();
    while (!wanted.test(last)) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("The overview never showed " + what + ": " + last.encodePrettily());
      }
      Thread.sleep(100);
      last = overview();
    }
    return last;
  }

  private static JsonObject instance(JsonObject view, String service, String nodeId) {
    for (Object s : view.getJsonArray("services")) {
      JsonObject entry = (JsonObject) s;
      if (entry.getString("name").equals(service)) {
        for (Object i : entry.getJsonArray("instances")) {
          if (((JsonObject) i).getString("id").equals(nodeId)) {
            return (JsonObject) i;
          }
        }
      }
    }
    return null;
  }

  private static boolean up(JsonObject view, String service, String nodeId) {
    JsonObject instance = instance(view, service, nodeId);
    return instance != null && "UP".equals(instance.getString("status"));
  }

  private static WsClient signedIn(String name) throws Exception {
    JsonObject session = Guests.create(main.vertx(), main.port("gateway.http"), name);
    WsClient ws = WsClient.connect(main.vertx(), main.port("gateway.http"));
    clients.add(ws);
    assertEquals("welcome", ws.hello(session.getString("token")).getString("type"));
    return ws;
  }

  /** A private game joined by invite: playing at once. */
  private static String playingGame(WsClient x, WsClient o) throws Exception {
    JsonObject game = x.request("game.create", new JsonObject().put("kind", "tictactoe").put("visibility", "private"))
      .getJsonObject("result").getJsonObject("game");
    JsonObject joined = o.request("game.join", new JsonObject().put("inviteCode", game.getString("inviteCode")));
    assertEquals("playing", joined.getJsonObject("result").getJsonObject("game").getString("status"),
      joined.encode());
    return game.getString("gameId");
  }

  @Test
  @Order(1)
  void everyServiceShowsEachOfItsInstancesUp() throws Exception {
    JsonObject view = awaitOverview("every service UP", v -> up(v, "gateway", main.nodeId())
      && up(v, "game", main.nodeId()) && up(v, "game", secondGame.nodeId()) && up(v, "presence", main.nodeId())
      && up(v, "thumbnail", main.nodeId()));
    assertEquals(List.of("gateway", "game", "presence", "thumbnail"), view.getJsonArray("services").stream()
      .map(s -> ((JsonObject) s).getString("name")).toList(), "the expected services first, in order");
    assertEquals(main.port("game.management"),
      instance(view, "game", main.nodeId()).getJsonObject("detail").getInteger("managementPort"));
    assertTrue(view.getValue("sessions") instanceof Number, view.encode());
    assertTrue(view.getValue("gamesInProgress") instanceof Number, view.encode());
    assertTrue(view.getValue("queueDepth") instanceof Number, view.encode());
    assertTrue(view.getValue("jobsWaiting") instanceof Number, view.encode());
  }

  @Test
  @Order(2)
  void sessionsAndGamesInProgressAreCountedAcrossBothGameInstances() throws Exception {
    long sessionsBefore = overview().getLong("sessions");
    long before = overview().getLong("gamesInProgress");
    WsClient ann = signedIn("Ann");
    WsClient ben = signedIn("Ben");
    String first = playingGame(ann, ben);
    playingGame(ben, ann);
    awaitOverview("two more games in progress and two more sessions",
      v -> v.getLong("gamesInProgress") == before + 2 && v.getLong("sessions") == sessionsBefore + 2);
    // Both game instances read the same cluster-wide count, whichever of them applied the changes.
    awaitOverview("both game instances counting the same games", v -> List.of(main, secondGame).stream()
      .allMatch(node -> instance(v, "game", node.nodeId()).getJsonObject("detail")
        .getLong("gamesInProgress") == before + 2));

    JsonObject resigned = ann.request("game.resign", new JsonObject().put("gameId", first));
    assertEquals("reply", resigned.getString("type"), resigned.encode());
    awaitOverview("a finished game no longer in progress", v -> v.getLong("gamesInProgress") == before + 1);
  }

  @Test
  @Order(3)
  void aStoppedInstanceTurnsDownAndTheOthersStayUp() throws Exception {
    awaitOverview("the second game instance UP", v -> up(v, "game", secondGame.nodeId()));
    cluster.stop(secondGame);
    JsonObject view = awaitOverview("the stopped game instance DOWN, the other one UP", v -> {
      JsonObject stopped = instance(v, "game", secondGame.nodeId());
      return stopped != null && "DOWN".equals(stopped.getString("status"))
        && stopped.getJsonObject("detail").getBoolean("stopped", false)
        && up(v, "game", main.nodeId()) && up(v, "gateway", main.nodeId());
    });
    JsonArray games = view.getJsonArray("services").getJsonObject(1).getJsonArray("instances");
    assertEquals(2, games.size(), "a stopped instance stays listed, DOWN, until it is forgotten");
  }
}
