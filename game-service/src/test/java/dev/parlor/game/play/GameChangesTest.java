package dev.parlor.game.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GameAction;
import dev.parlor.game.model.Decision;
import dev.parlor.game.model.NewGames;
import dev.parlor.game.model.Transitions;
import dev.parlor.game.rules.RuleBook;
import dev.parlor.game.store.GameWrite;
import dev.parlor.game.store.RedisGameStore;
import dev.parlor.runtime.Ids;
import dev.parlor.testkit.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two game-service processes on one Redis, each deciding on the games it stored last ({@link RecentGames}) without
 * reading them: a game the other one changed meanwhile must still be decided on its true state.
 */
class GameChangesTest {

  private static final String NOW = "2026-01-01T00:00:00Z";

  private static Vertx vertx;
  private static RedisGameStore store;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    store = new RedisGameStore(Redis.createClient(vertx, TestRedis.url()), 3600);
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** One process's side: its own memory of recent games, the store shared. */
  private static GameChanges process(RecentGames recent) {
    return new GameChanges(vertx, store, new Publisher(vertx.eventBus()), new TopicSequencer<>(), recent,
      new GameMetrics(new SimpleMeterRegistry()));
  }

  /** A connect-four game in play between red (to move) and yellow, stored at offset 2. */
  private static Game playing() throws Exception {
    Game waiting = NewGames.waiting(RuleBook.of("connect4"), Game.PUBLIC, Ids.random(12), Ids.random(16), "red", "Red",
      NOW);
    await(store.write(GameWrite.create(waiting,
      TopicEvents.updated(new GameAction(GameAction.CREATED, "red", null), waiting))));
    Decision.Change joined = (Decision.Change) Transitions.join(waiting, "yellow", "Yellow", false, NOW);
    assertEquals(2, await(store.write(GameWrite.update(waiting, joined.game(),
      TopicEvents.updated(joined.action(), joined.game())))));
    return joined.game();
  }

  private Future<GameChanges.Applied> move(GameChanges changes, String userId, int column) {
    return changes.apply(gameId, game -> Transitions.move(game, userId, Map.of("column", column), NOW));
  }

  private RecentGames recentOfA;
  private GameChanges a;
  private GameChanges b;
  private String gameId;

  @BeforeEach
  void twoProcessesAndAGameInPlay() throws Exception {
    recentOfA = new RecentGames(100);
    a = process(recentOfA);
    b = process(new RecentGames(100));
    gameId = playing().gameId();
  }

  @Test
  void aMoveOnAGameTheOtherProcessChangedIsDecidedOnItsTrueState() throws Exception {
    assertEquals(3, await(move(a, "red", 0)).offset());
    assertEquals("yellow", recentOfA.get(gameId).game().turn(), "a remembers the game as it stored it");
    assertEquals(4, await(move(b, "yellow", 1)).offset());

    // a still remembers yellow to move; red's move must not be refused on that.
    GameChanges.Applied redAgain = await(move(a, "red", 0));
    assertEquals(5, redAgain.offset());
    assertEquals(List.of("R", "Y"), redAgain.before().board().stream().filter(c -> c != null && !c.isEmpty()).toList());

    // Refused on the true state, it is refused: yellow is to move.
    ExecutionException refused = assertThrows(ExecutionException.class,
      () -> await(move(a, "red", 2)));
    assertEquals(ErrorCode.NOT_YOUR_TURN, ((GameFailure) refused.getCause()).code());
  }

  @Test
  void aChangeDecidedOnAStaleGameIsDecidedAgainNotLost() throws Exception {
    LinkedBlockingQueue<Message<JsonObject>> published = new LinkedBlockingQueue<>();
    var topic = vertx.eventBus().<JsonObject>consumer(Addresses.Topics.game(gameId), published::add);
    await(topic.completion());

    await(move(a, "red", 3));
    await(move(b, "yellow", 3));
    // a remembers version 3 (red moved); the game is at 4. Resigning is legal on both, so the stale decision is a
    // change the store refuses as a conflict; it must be decided again on version 4 and stored after yellow's move.
    GameChanges.Applied resigned = await(a.apply(gameId, game -> Transitions.resign(game, "red", NOW)));
    assertEquals(5, resigned.offset());
    assertEquals(4, resigned.before().version());
    assertEquals(5, resigned.change().game().version());
    assertNull(recentOfA.get(gameId), "a finished game is not remembered");

    JsonObject stored = await(store.load(gameId)).game().toJson();
    assertEquals(Game.FINISHED, stored.getString("status"));
    assertEquals("yellow", stored.getString("winner"));
    for (long offset = 3; offset <= 5; offset++) {
      Message<JsonObject> message = published.poll(5, TimeUnit.SECONDS);
      assertNotNull(message, "event at offset " + offset);
      assertEquals(offset, message.body().getLong("offset"));
      assertEquals(message.body().encode(), message.headers().get(Addresses.Topics.TEXT_HEADER),
        "the text gateways send on is the body's");
    }
    assertEquals("resign", await(store.history(gameId, 4)).events().get(0).getJsonObject("data")
      .getJsonObject("action").getString("type"));
    await(topic.unregister());
  }

  @Test
  void aPublishedEventSaysInItsTextWhatItsMapSays() {
    JsonObject event = new JsonObject().put("event", "game.updated")
      .put("data", new JsonObject().put("game", new JsonObject().put("board", List.of("", "X"))));
    EncodedEvent encoded = EncodedEvent.withOffset(event, event.encode(), 7);
    JsonObject expected = event.copy().put("offset", 7L);
    assertEquals(expected, new JsonObject(encoded.toBuffer()));
    assertEquals(expected, encoded.copy());
    assertTrue(encoded.encode().endsWith(",\"offset\":7}"));
    assertEquals(expected, Json.decodeValue(encoded.encode()));

  }
}
