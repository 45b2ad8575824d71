package dev.parlor.game.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.game.GameService;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bounded load loop: many connect-four games played at once, each move sent as soon as the previous one is
 * answered, through one game-service instance and then through two (after a warm-up run). Prints moves per second; scale it with
 * {@code -Dparlor.bench.games=N} (default 60 games of 42 moves each).
 */
class MoveThroughputTest {

  private static final int GAMES = Integer.getInteger("parlor.bench.games", 60);

  private static TestCluster cluster;
  private static GameBus driver;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    driver = new GameBus(cluster.start(new JsonObject(), new GameService()).vertx());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void movesPerSecondThroughOneInstanceThenTwo() throws Exception {
    run("warm-up", 20);
    double one = run("one instance", GAMES);
    cluster.start(new JsonObject(), new GameService());
    double two = run("two instances", GAMES);
    assertTrue(one > 50 && two > 50, "moves/s: " + one + ", " + two);
  }

  private static double run(String label, int count) {
    List<String[]> games = new ArrayList<>();
    List<Caller[]> players = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Caller red = GameBus.user("Red");
      Caller yellow = GameBus.user("Yellow");
      JsonObject game = driver.call(Addresses.Game.CREATE, red, new JsonObject().put("kind", "connect4")
        .put("visibility", "private")).getJsonObject("game");
      String gameId = game.getString("gameId");
      driver.call(Addresses.Game.JOIN, yellow, new JsonObject().put("inviteCode", game.getString("inviteCode")));
      games.add(new String[] {gameId});
      players.add(new Caller[] {red, yellow});
    }
    long started = System.nanoTime();
    List<Future<Void>> done = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      done.add(play(games.get(i)[0], players.get(i), 0));
    }
    GameBus.await(Future.all(done));
    double seconds = (System.nanoTime() - started) / 1e9;
    double rate = count * 42 / seconds;
    System.out.printf("BENCH %s: %d games, %d moves in %.2f s = %.0f moves/s%n", label, count, count * 42, seconds, rate);
    return rate;
  }

  private static Future<Void> play(String gameId, Caller[] players, int round) {
    if (round == 42) {
      return Future.succeededFuture();
    }
    Promise<Void> next = Promise.promise();
    driver.send(Addresses.Game.MOVE, players[round % 2], new JsonObject().put("gameId", gameId)
        .put("move", new JsonObject().put("column", Connect4Draw.COLUMNS[round])))
      .onSuccess(reply -> {
        assertEquals(round + 3, reply.getLong("offset"));
        play(gameId, players, round + 1).onComplete(next);
      })
      .onFailure(next::fail);
    return next.future();
  }
}
