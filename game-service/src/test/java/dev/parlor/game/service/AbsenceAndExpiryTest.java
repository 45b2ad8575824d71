package dev.parlor.game.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.game.GameService;
import dev.parlor.game.store.Keys;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.TestRedis;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that run on time, with short settings: game.claimWin against the sessions the gateways announce, and
 * public games nobody joins leaving the lobby.
 */
class AbsenceAndExpiryTest {

  private static final long ABANDON_MS = 300;
  private static final long SILENCE_MS = 300;

  private static TestCluster cluster;
  private static ParlorRuntime node;
  private static GameBus bus;
  private static Redis redis;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    node = cluster.start(new JsonObject().put("game.abandon-after-ms", ABANDON_MS)
      .put("game.gateway-silence-ms", SILENCE_MS).put("game.waiting-expire-seconds", 1)
      .put("game.lobby-sweep-ms", 200), new GameService());
    bus = new GameBus(node.vertx());
    redis = Redis.createClient(node.vertx(), TestRedis.url());
  }

  @AfterAll
  static void stop() {
    redis.close();
    cluster.close();
  }

  private static String playing(Caller alice, Caller bob) {
    String gameId = bus.call(Addresses.Game.CREATE, alice, new JsonObject().put("kind", "tictactoe")
      .put("visibility", "public")).getJsonObject("game").getString("gameId");
    bus.call(Addresses.Game.JOIN, bob, new JsonObject().put("gameId", gameId));
    return gameId;
  }

  private static void open(Caller caller) {
    node.vertx().eventBus().publish(Addresses.Sessions.OPENED, new JsonObject().put("sessionId", caller.sessionId())
      .put("userId", caller.userId()).put("name", caller.name()).put("gatewayId", caller.gatewayId()));
    Eventually.until("session recorded", () -> GameBus.await(redis.send(Request.cmd(Command.HEXISTS)
      .arg(Keys.sessions(caller.userId())).arg(caller.sessionId()))).toBoolean());
  }

  private static void close(Caller caller) {
    node.vertx().eventBus().publish(Addresses.Sessions.CLOSED, new JsonObject().put("sessionId", caller.sessionId())
      .put("userId", caller.userId()).put("gatewayId", caller.gatewayId()).put("userOnline", false));
    Eventually.until("session end recorded", () -> GameBus.await(redis.send(Request.cmd(Command.EXISTS)
      .arg(Keys.away(caller.userId())))).toLong() == 1);
  }

  private static void beat(String gatewayId) {
    node.vertx().eventBus().publish(Addresses.Sessions.GATEWAY_HEARTBEAT, new JsonObject().put("gatewayId", gatewayId)
      .put("sessions", 1).put("intervalMs", 100));
    Eventually.until("heartbeat recorded", () -> GameBus.await(redis.send(Request.cmd(Command.ZSCORE)
      .arg(Keys.GATEWAYS).arg(gatewayId))) != null);
  }

  private static JsonObject claim(Caller caller, String gameId) {
    return bus.call(Addresses.Game.CLAIM_WIN, caller, new JsonObject().put("gameId", gameId));
  }

  @Test
  void publicGameNobodyJoinsExpiresAndLeavesTheLobby() {
    Caller alice = GameBus.user("Alice");
    try (GameBus.Listener lobby = bus.listen(Addresses.Topics.LOBBY)) {
      String gameId = bus.call(Addresses.Game.CREATE, alice, new JsonObject().put("kind", "connect4")
        .put("visibility", "public")).getJsonObject("game").getString("gameId");
      try (GameBus.Listener topic = bus.listen(Addresses.Topics.game(gameId))) {
        JsonObject closed = lobby.next();
        while (!closed.getString("event").equals("lobby.closed") || !gameId.equals(closed.getJsonObject("data")
          .getString("gameId"))) {
          closed = lobby.next();
        }
        JsonObject expired = topic.next();
        while (expired.getLong("offset") < 2) {
          expired = topic.next();
        }
        assertEquals("expired", expired.getJsonObject("data").getJsonObject("action").getString("type"));
        assertEquals("finished", expired.getJsonObject("data").getJsonObject("game").getString("status"));
      }
      bus.refused(ErrorCode.CONFLICT, Addresses.Game.JOIN, GameBus.user("Late"), new JsonObject().put("gameId", gameId));
      assertTrue(bus.call(Addresses.Game.LOBBY, null, new JsonObject()).getJsonArray("games").stream()
        .noneMatch(g -> ((JsonObject) g).getString("gameId").equals(gameId)));
    }
  }

  @Test
  void opponentWithoutSessionsLongEnoughLosesTheGame() throws InterruptedException {
    Caller alice = GameBus.user("Alice");
    Caller bob = GameBus.user("Bob");
    String gameId = playing(alice, bob);
    open(alice);
    open(bob);
    close(bob);
    bus.refused(ErrorCode.CONFLICT, Addresses.Game.CLAIM_WIN, alice, new JsonObject().put("gameId", gameId));
    Thread.sleep(ABANDON_MS + 50);
    try (GameBus.Listener topic = bus.listen(Addresses.Topics.game(gameId))) {
      assertEquals(3, claim(alice, gameId).getLong("offset"));
      JsonObject event = topic.next();
      assertEquals(new JsonObject().put("type", "abandon").put("by", alice.userId()),
        event.getJsonObject("data").getJsonObject("action"));
      assertEquals(alice.userId(), event.getJsonObject("data").getJsonObject("game").getString("winner"));
      assertEquals("finished", event.getJsonObject("data").getJsonObject("game").getString("status"));
    }
    bus.refused(ErrorCode.GAME_OVER, Addresses.Game.CLAIM_WIN, alice, new JsonObject().put("gameId", gameId));
  }

  @Test
  void connectedOpponentCannotBeClaimedAgainst() throws InterruptedException {
    Caller alice = GameBus.user("Alice");
    Caller bob = new Caller("bob-" + System.nanoTime(), "Bob", "s-bob", "gw-alive-" + System.nanoTime());
    String gameId = playing(alice, bob);
    open(bob);
    beat(bob.gatewayId());
    Thread.sleep(ABANDON_MS + 50);
    beat(bob.gatewayId());
    bus.refused(ErrorCode.CONFLICT, Addresses.Game.CLAIM_WIN, alice, new JsonObject().put("gameId", gameId));
  }

  @Test
  void opponentOnADeadGatewayIsAwayOnceTheGatewayWentSilent() throws InterruptedException {
    Caller alice = GameBus.user("Alice");
    Caller bob = new Caller("bob-" + System.nanoTime(), "Bob", "s-bob", "gw-dead-" + System.nanoTime());
    String gameId = playing(alice, bob);
    open(bob);
    beat(bob.gatewayId());
    bus.refused(ErrorCode.CONFLICT, Addresses.Game.CLAIM_WIN, alice, new JsonObject().put("gameId", gameId));
    Thread.sleep(SILENCE_MS + ABANDON_MS + 100);
    assertEquals(3, claim(alice, gameId).getLong("offset"));
  }
}
