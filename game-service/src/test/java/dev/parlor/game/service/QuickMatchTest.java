package dev.parlor.game.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.game.GameService;
import dev.parlor.game.store.Keys;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quick match through the event bus, the gateway's user topics played by a tiny consumer on
 * {@code parlor.user.publish}. The queues are shared by all tests of the JVM, so each test starts by emptying them.
 */
class QuickMatchTest {

  private static final long SILENCE_MS = 400;

  private static TestCluster cluster;
  private static ParlorRuntime node;
  private static GameBus bus;
  private static Redis redis;
  private UserTopics users;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    node = cluster.start(new JsonObject().put("game.gateway-silence-ms", SILENCE_MS)
      .put("game.matched-delivery-backoff-ms", 20), new GameService());
    bus = new GameBus(node.vertx());
    redis = Redis.createClient(node.vertx(), TestRedis.url());
  }

  @AfterAll
  static void stop() {
    redis.close();
    cluster.close();
  }

  @BeforeEach
  void emptyQueues() {
    GameBus.await(redis.send(Request.cmd(Command.DEL).arg(Keys.queue("tictactoe")).arg(Keys.tickets("tictactoe"))
      .arg(Keys.queue("connect4")).arg(Keys.tickets("connect4"))));
    users = new UserTopics(node.vertx());
  }

  @AfterEach
  void closeUsers() {
    users.close();
  }

  private static JsonObject queue(Caller caller, String kind) {
    return bus.call(Addresses.Game.QUICKMATCH, caller, new JsonObject().put("kind", kind));
  }

  private static long queued(String kind) {
    return GameBus.await(redis.send(Request.cmd(Command.ZCARD).arg(Keys.queue(kind)))).toLong();
  }

  private JsonObject matchedGame(Caller caller) {
    Eventually.until(caller.name() + " told of the match", () -> !users.of(caller.userId()).isEmpty());
    JsonObject delivery = users.of(caller.userId()).get(0);
    assertEquals("game.matched", delivery.getString("event"));
    return delivery.getJsonObject("data");
  }

  @Test
  void twoWaitingPlayersAreMatchedWithinASecondAndBothAreTold() {
    // A name outside ASCII, with characters JSON escapes, survives the pairing script.
    Caller alice = GameBus.user("Zoë \"Z\" / Ω");
    Caller bob = GameBus.user("Bob");
    assertEquals(new JsonObject().put("queued", true), queue(alice, "connect4"));
    long asked = System.nanoTime();
    assertEquals(new JsonObject().put("queued", true), queue(bob, "connect4"));
    JsonObject forAlice = matchedGame(alice);
    JsonObject forBob = matchedGame(bob);
    long elapsedMs = (System.nanoTime() - asked) / 1_000_000;
    System.out.printf("MATCH second player queued to both players told: %d ms%n", elapsedMs);
    assertTrue(elapsedMs < 1000, "matched in " + elapsedMs + " ms");
    assertEquals(forAlice, forBob);
    JsonObject game = forAlice.getJsonObject("game");
    assertEquals(1, forAlice.getLong("offset"));
    assertEquals("playing", game.getString("status"));
    assertEquals(alice.userId(), game.getString("turn"), "the player who waited moves first");
    assertEquals(alice.userId(), game.getJsonArray("players").getJsonObject(0).getString("userId"));
    assertEquals("Zoë \"Z\" / Ω", game.getJsonArray("players").getJsonObject(0).getString("name"));
    assertEquals(bob.userId(), game.getJsonArray("players").getJsonObject(1).getString("userId"));
    assertEquals(0, queued("connect4"));

    String gameId = game.getString("gameId");
    assertEquals(1, GameBus.await(redis.send(Request.cmd(Command.SISMEMBER).arg(Keys.PLAYING).arg(gameId))).toLong(),
      "the paired game counts as in progress");
    JsonObject snapshot = bus.call(Addresses.Game.SUBSCRIBE, bob, new JsonObject().put("gameId", gameId));
    assertEquals(1, snapshot.getLong("offset"));
    assertEquals(game, snapshot.getJsonObject("snapshot").getJsonObject("game"));
    assertEquals(2, bus.call(Addresses.Game.MOVE, alice, new JsonObject().put("gameId", gameId)
      .put("move", new JsonObject().put("column", 3))).getLong("offset"));
  }

  @Test
  void queueingTwiceNeverMatchesAPlayerWithThemself() {
    Caller alice = GameBus.user("Alice");
    queue(alice, "tictactoe");
    queue(alice, "tictactoe");
    assertEquals(1, queued("tictactoe"));
    assertTrue(users.of(alice.userId()).isEmpty());
  }

  @Test
  void cancelledPlayerIsNotMatched() {
    Caller alice = GameBus.user("Alice");
    Caller bob = GameBus.user("Bob");
    Caller carol = GameBus.user("Carol");
    queue(alice, "tictactoe");
    assertEquals(new JsonObject(), bus.call(Addresses.Game.CANCEL_QUICKMATCH, alice,
      new JsonObject().put("kind", "tictactoe")));
    queue(bob, "tictactoe");
    assertEquals(1, queued("tictactoe"));
    queue(carol, "tictactoe");
    assertEquals(bob.userId(), matchedGame(carol).getJsonObject("game").getString("turn"));
    assertTrue(users.of(alice.userId()).isEmpty());
  }

  @Test
  void playerWhoseLastSessionClosedLeavesTheQueue() {
    Caller alice = GameBus.user("Alice");
    queue(alice, "tictactoe");
    node.vertx().eventBus().publish(Addresses.Sessions.CLOSED, new JsonObject().put("sessionId", alice.sessionId())
      .put("userId", alice.userId()).put("gatewayId", alice.gatewayId()).put("userOnline", true));
    Caller other = GameBus.user("Other");
    node.vertx().eventBus().publish(Addresses.Sessions.CLOSED, new JsonObject().put("sessionId", other.sessionId())
      .put("userId", other.userId()).put("gatewayId", other.gatewayId()).put("userOnline", false));
    assertEquals(1, queued("tictactoe"), "a session closing while another stays open keeps the player queued");
    node.vertx().eventBus().publish(Addresses.Sessions.CLOSED, new JsonObject().put("sessionId", alice.sessionId())
      .put("userId", alice.userId()).put("gatewayId", alice.gatewayId()).put("userOnline", false));
    Eventually.until("alice dropped", () -> queued("tictactoe") == 0);
    Caller bob = GameBus.user("Bob");
    queue(bob, "tictactoe");
    assertEquals(1, queued("tictactoe"));
    assertTrue(users.of(bob.userId()).isEmpty());
  }

  @Test
  void playerOnASilentGatewayIsNeverMatched() throws InterruptedException {
    Caller ghost = new Caller("ghost-" + System.nanoTime(), "Ghost", "s-ghost", "gw-dying-" + System.nanoTime());
    node.vertx().eventBus().publish(Addresses.Sessions.GATEWAY_HEARTBEAT, new JsonObject()
      .put("gatewayId", ghost.gatewayId()).put("sessions", 1).put("intervalMs", 100));
    Eventually.until("heartbeat recorded", () -> GameBus.await(redis.send(Request.cmd(Command.ZSCORE)
      .arg(Keys.GATEWAYS).arg(ghost.gatewayId()))) != null);
    queue(ghost, "connect4");
    // The rule is about time: the gateway must stay silent longer than the configured silence.
    Thread.sleep(SILENCE_MS + 100);
    Caller bob = GameBus.user("Bob");
    queue(bob, "connect4");
    assertEquals(1, queued("connect4"));
    Caller carol = GameBus.user("Carol");
    queue(carol, "connect4");
    assertEquals(bob.userId(), matchedGame(carol).getJsonObject("game").getString("turn"));
    assertTrue(users.of(ghost.userId()).isEmpty());
  }

  @Test
  void matchIsDeliveredAgainWhenTheGatewayFailsAtFirst() {
    users.refuseNext.set(2);
    Caller alice = GameBus.user("Alice");
    Caller bob = GameBus.user("Bob");
    queue(alice, "tictactoe");
    queue(bob, "tictactoe");
    assertEquals(matchedGame(alice), matchedGame(bob));
  }

  @Test
  void concurrentQueueingAndCancellingPairsEachPlayerAtMostOnce() {
    List<Caller> players = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      players.add(GameBus.user("P" + i));
    }
    Set<String> cancelling = new HashSet<>();
    List<Future<JsonObject>> requests = new ArrayList<>();
    for (int i = 0; i < players.size(); i++) {
      Caller player = players.get(i);
      requests.add(bus.send(Addresses.Game.QUICKMATCH, player, new JsonObject().put("kind", "tictactoe")));
      if (i % 4 == 3) {
        cancelling.add(player.userId());
        requests.add(bus.send(Addresses.Game.CANCEL_QUICKMATCH, player, new JsonObject().put("kind", "tictactoe")));
      }
    }
    GameBus.await(Future.all(requests));

    Set<String> waiting = new HashSet<>(GameBus.await(redis.send(Request.cmd(Command.ZRANGE)
      .arg(Keys.queue("tictactoe")).arg(0).arg(-1))).stream().map(Object::toString).toList());
    assertTrue(waiting.size() <= 1, "at most one player can be left waiting: " + waiting);
    // Every player who did not cancel is matched or the one left waiting.
    for (Caller player : players) {
      if (!cancelling.contains(player.userId()) && !waiting.contains(player.userId())) {
        Eventually.until(player.name() + " matched", () -> !users.of(player.userId()).isEmpty());
      }
    }
    Map<String, List<String>> playersByGame = new HashMap<>();
    for (Caller player : players) {
      List<JsonObject> told = users.of(player.userId());
      assertTrue(told.size() <= 1, player.name() + " matched " + told.size() + " times");
      if (!told.isEmpty()) {
        assertTrue(!waiting.contains(player.userId()));
        JsonObject game = told.get(0).getJsonObject("data").getJsonObject("game");
        playersByGame.computeIfAbsent(game.getString("gameId"), id -> new ArrayList<>()).add(player.userId());
      }
    }
    for (Map.Entry<String, List<String>> entry : playersByGame.entrySet()) {
      String gameId = entry.getKey();
      Eventually.until("both players of " + gameId + " told", () -> players.stream()
        .filter(p -> users.of(p.userId()).stream().anyMatch(d -> d.getJsonObject("data").getJsonObject("game")
          .getString("gameId").equals(gameId))).count() == 2);
    }
    for (Caller player : players) {
      assertTrue(users.of(player.userId()).size() <= 1);
    }
    playersByGame.values().forEach(ids -> {
      assertEquals(2, new HashSet<>(ids).size());
      assertNotEquals(ids.get(0), ids.get(1));
    });
    assertTrue(playersByGame.size() >= 20, "games: " + playersByGame.size());
  }
}
