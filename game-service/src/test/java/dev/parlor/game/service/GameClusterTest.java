package dev.parlor.game.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.game.GameService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several game-service instances on one Redis: concurrent moves on the same games, and an instance going away. */
class GameClusterTest {

  private static TestCluster cluster;
  private static GameBus first;
  private static GameBus second;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    first = new GameBus(cluster.start(new JsonObject(), new GameService()).vertx());
    second = new GameBus(cluster.start(new JsonObject(), new GameService()).vertx());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private record Table(String gameId, Caller[] players) {
  }

  private static Table newGame(GameBus via) {
    Caller red = GameBus.user("Red");
    Caller yellow = GameBus.user("Yellow");
    String gameId = via.call(Addresses.Game.CREATE, red, new JsonObject().put("kind", "connect4")
      .put("visibility", "public")).getJsonObject("game").getString("gameId");
    via.call(Addresses.Game.JOIN, yellow, new JsonObject().put("gameId", gameId));
    return new Table(gameId, new Caller[] {red, yellow});
  }

  private static JsonObject moveArgs(Table table, int round) {
    return new JsonObject().put("gameId", table.gameId())
      .put("move", new JsonObject().put("column", Connect4Draw.COLUMNS[round]));
  }

  /** The whole history must be the created and joined events and then exactly the 42 moves, offsets 1…44. */
  private static void assertWholeHistory(Table table) {
    JsonObject replay = first.call(Addresses.Game.SUBSCRIBE, table.players()[0],
      new JsonObject().put("gameId", table.gameId()).put("since", 0));
    JsonArray events = replay.getJsonArray("events");
    assertEquals(44, replay.getLong("offset"));
    assertEquals(44, events.size());
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.getJsonObject(i).getLong("offset"));
    }
    for (int round = 0; round < 42; round++) {
      JsonObject action = events.getJsonObject(round + 2).getJsonObject("data").getJsonObject("action");
      assertEquals("move", action.getString("type"));
      assertEquals(table.players()[round % 2].userId(), action.getString("by"));
      assertEquals(Connect4Draw.COLUMNS[round], action.getJsonObject("move").getInteger("column"));
    }
    JsonObject game = replay.getJsonObject("snapshot").getJsonObject("game");
    assertEquals("finished", game.getString("status"));
    assertTrue(game.getBoolean("draw"));
    assertEquals(44, game.getLong("version"));
  }

  @Test
  void sameMoveSentThroughBothInstancesAtOnceIsAppliedExactlyOnce() {
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tables.add(newGame(i % 2 == 0 ? first : second));
    }
    List<GameBus.Listener> topics = new ArrayList<>();
    tables.forEach(t -> topics.add(second.listen(Addresses.Topics.game(t.gameId()))));
    for (int round = 0; round < 42; round++) {
      List<Future<JsonObject>> sent = new ArrayList<>();
      for (Table table : tables) {
        Caller mover = table.players()[round % 2];
        sent.add(first.send(Addresses.Game.MOVE, mover, moveArgs(table, round)));
        sent.add(second.send(Addresses.Game.MOVE, mover, moveArgs(table, round)));
      }
      GameBus.await(Future.join(sent).transform(done -> Future.succeededFuture()));
      for (int t = 0; t < tables.size(); t++) {
        Future<JsonObject> a = sent.get(2 * t);
        Future<JsonObject> b = sent.get(2 * t + 1);
        assertEquals(1, (a.succeeded() ? 1 : 0) + (b.succeeded() ? 1 : 0), "round " + round + ": one move applies");
        Future<JsonObject> loser = a.succeeded() ? b : a;
        ErrorCode code = GameBus.codeOf(loser.cause());
        assertTrue(code == ErrorCode.NOT_YOUR_TURN || code == ErrorCode.ILLEGAL_MOVE || code == ErrorCode.GAME_OVER,
          String.valueOf(loser.cause()));
        assertEquals(round + 3, (a.succeeded() ? a : b).result().getLong("offset"));
      }
    }
    tables.forEach(GameClusterTest::assertWholeHistory);
    for (GameBus.Listener topic : topics) {
      Set<Long> offsets = new HashSet<>();
      for (int i = 0; i < 42; i++) {
        assertTrue(offsets.add(topic.next().getLong("offset")), "no event published twice");
      }
      assertEquals(42, offsets.size());
      assertTrue(offsets.stream().allMatch(o -> o >= 3 && o <= 44));
      topic.close();
    }
  }

  @Test
  void anotherInstanceCarriesOnWhenOneStopsMidGame() throws Exception {
    ParlorRuntime leaving = cluster.start(new JsonObject(), new GameService());
    GameBus viaLeaving = new GameBus(leaving.vertx());
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tables.add(newGame(viaLeaving));
    }
    CompletableFuture<Void> stopped = null;
    for (int round = 0; round < 42; round++) {
      if (round == 20) {
        stopped = CompletableFuture.runAsync(() -> cluster.stop(leaving));
      }
      List<Future<JsonObject>> sent = new ArrayList<>();
      for (Table table : tables) {
        GameBus via = round < 20 ? viaLeaving : first;
        sent.add(via.send(Addresses.Game.MOVE, table.players()[round % 2], moveArgs(table, round)));
      }
      GameBus.await(Future.join(sent).transform(done -> Future.succeededFuture()));
      for (int t = 0; t < tables.size(); t++) {
        if (sent.get(t).failed()) {
          retryUntilApplied(tables.get(t), round, sent.get(t).cause());
        }
      }
    }
    stopped.get();
    tables.forEach(GameClusterTest::assertWholeHistory);
  }

  /**
   * A move whose request died with the instance may or may not have been applied: send it again through a live
   * instance; "not your turn" then means the first attempt had been stored. While the stopping instance's
   * deregistration spreads through the cluster, a retry can be routed to it too and be lost the same way: try again.
   */
  private static void retryUntilApplied(Table table, int round, Throwable cause) {
    Throwable failure = cause;
    for (int attempt = 0; attempt < 4; attempt++) {
      assertTrue(lostWithTheInstance(failure), "only the stopping instance may fail a move: " + failure);
      try {
        first.call(Addresses.Game.MOVE, table.players()[round % 2], moveArgs(table, round));
        return;
      } catch (AssertionError e) {
        if (!lostWithTheInstance(e.getCause())) {
          assertEquals(ErrorCode.NOT_YOUR_TURN, GameBus.codeOf(e.getCause()), String.valueOf(e.getCause()));
          return;
        }
        failure = e.getCause();
      }
    }
    throw new AssertionError("the move was still lost after 4 retries: " + failure);
  }

  private static boolean lostWithTheInstance(Throwable failure) {
    return failure instanceof ReplyException reply
      && (reply.failureType() == ReplyFailure.TIMEOUT || reply.failureType() == ReplyFailure.NO_HANDLERS
      || reply.failureCode() == ErrorCode.UNAVAILABLE.failureCode());
  }
}
