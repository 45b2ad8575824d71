package dev.parlor.game.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GameAction;
import dev.parlor.game.model.Decision;
import dev.parlor.game.model.NewGames;
import dev.parlor.game.model.Rematches;
import dev.parlor.game.model.Transitions;
import dev.parlor.game.play.TopicEvents;
import dev.parlor.game.rules.RuleBook;
import dev.parlor.runtime.Ids;
import dev.parlor.testkit.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisGameStoreTest {

  private static final long TTL = 3600;
  private static final String NOW = "2026-01-01T00:00:00Z";

  private static Vertx vertx;
  private static Redis redis;
  private static RedisGameStore store;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    redis = Redis.createClient(vertx, TestRedis.url());
    store = new RedisGameStore(redis, TTL);
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Game created(String visibility) throws Exception {
    Game game = NewGames.waiting(RuleBook.of("tictactoe"), visibility, Ids.random(12), Ids.random(16), "alice",
      "Alice", NOW);
    assertEquals(1, await(store.write(GameWrite.create(game,
      TopicEvents.updated(new GameAction(GameAction.CREATED, "alice", null), game)))));
    return game;
  }

  private static long apply(Game before, Decision decision) throws Exception {
    Decision.Change change = (Decision.Change) decision;
    return await(store.write(GameWrite.update(before, change.game(),
      TopicEvents.updated(change.action(), change.game()))));
  }

  private static long ttl(String key) throws Exception {
    return await(redis.send(Request.cmd(Command.TTL).arg(key))).toLong();
  }

  @Test
  void finishedGameAndItsWholeHistoryExpireAfterTheConfiguredTime() throws Exception {
    Game waiting = created(Game.PUBLIC);
    Decision joined = Transitions.join(waiting, "bob", "Bob", false, NOW);
    apply(waiting, joined);
    Game playing = ((Decision.Change) joined).game();
    assertEquals(-1, ttl(Keys.game(playing.gameId())), "a game in play never expires");
    assertEquals(3, apply(playing, Transitions.resign(playing, "bob", NOW)));
    long left = ttl(Keys.game(playing.gameId()));
    assertTrue(left > TTL - 10 && left <= TTL, "ttl " + left);
    assertTrue(ttl(Keys.events(playing.gameId())) > TTL - 10);
    assertEquals(3, await(store.history(playing.gameId(), 0)).events().size());
  }

  @Test
  void staleVersionIsRefusedAndChangesNothing() throws Exception {
    Game waiting = created(Game.PUBLIC);
    apply(waiting, Transitions.join(waiting, "bob", "Bob", false, NOW));
    assertEquals(GameStore.CONFLICT, apply(waiting, Transitions.join(waiting, "carol", "Carol", false, NOW)));
    StoredGame stored = await(store.load(waiting.gameId()));
    assertEquals(2, stored.offset());
    assertEquals("bob", stored.game().players().get(1).userId());
    assertEquals(GameStore.CONFLICT, await(store.write(GameWrite.create(waiting,
      TopicEvents.updated(new GameAction(GameAction.CREATED, "alice", null), waiting)))));
  }

  @Test
  void aWriteWhoseDeadlinePassedBeforeItReachedRedisChangesNothing() throws Exception {
    Game waiting = created(Game.PUBLIC);
    Decision.Change joined = (Decision.Change) Transitions.join(waiting, "bob", "Bob", false, NOW);
    GameWrite write = GameWrite.update(waiting, joined.game(), TopicEvents.updated(joined.action(), joined.game()));
    assertEquals(GameStore.LATE, await(store.write(write.before(System.currentTimeMillis() - 1))));
    StoredGame stored = await(store.load(waiting.gameId()));
    assertEquals(1, stored.offset(), "no event appended");
    assertEquals(Game.WAITING, stored.game().status());
    assertEquals(2, await(store.write(write.before(System.currentTimeMillis() + 10_000))), "in time, it applies");
  }

  @Test
  void inviteCodeAndLobbyEntryLastWhileTheGameWaits() throws Exception {
    Game waiting = created(Game.PUBLIC);
    assertEquals(waiting.gameId(), await(store.findInvite(waiting.inviteCode())));
    assertTrue(await(store.lobby()).stream().anyMatch(s -> s.gameId().equals(waiting.gameId())));
    apply(waiting, Transitions.join(waiting, "bob", "Bob", true, NOW));
    assertNull(await(store.findInvite(waiting.inviteCode())));
    assertTrue(await(store.lobby()).stream().noneMatch(s -> s.gameId().equals(waiting.gameId())));
  }

  @Test
  void privateGameNeverEntersTheLobby() throws Exception {
    Game waiting = created(Game.PRIVATE);
    assertTrue(await(store.lobby()).stream().noneMatch(s -> s.gameId().equals(waiting.gameId())));
  }

  @Test
  void wipedStoreGetsANewEpoch() throws Exception {
    Game game = created(Game.PRIVATE);
    String epoch = await(store.history(game.gameId(), -1)).epoch();
    assertEquals(epoch, await(store.history("no-such-game", -1)).epoch());
    await(redis.send(Request.cmd(Command.DEL).arg(Keys.EPOCH)));
    assertNotEquals(epoch, await(store.history(game.gameId(), -1)).epoch());
  }

  @Test
  void unknownGameLoadsAsNull() throws Exception {
    assertNull(await(store.load("never-created")));
  }

  private static boolean inProgress(String gameId) throws Exception {
    return await(redis.send(Request.cmd(Command.SISMEMBER).arg(Keys.PLAYING).arg(gameId))).toLong() == 1;
  }

  @Test
  void theSetOfGamesInProgressFollowsEachGamesStatusThroughARematch() throws Exception {
    Game waiting = created(Game.PRIVATE);
    assertEquals(false, inProgress(waiting.gameId()), "a game waiting for a player is not in progress");
    Decision joined = Transitions.join(waiting, "bob", "Bob", true, NOW);
    apply(waiting, joined);
    Game playing = ((Decision.Change) joined).game();
    assertTrue(inProgress(playing.gameId()));
    Decision resigned = Transitions.resign(playing, "alice", NOW);
    apply(playing, resigned);
    Game finished = ((Decision.Change) resigned).game();
    assertEquals(false, inProgress(finished.gameId()), "a finished game is no longer in progress");

    Rematches.Create plan = (Rematches.Create) Rematches.plan(finished, "bob", Ids.random(12), Ids.random(16), NOW);
    long offset = await(store.rematch(GameWrite.update(finished, plan.old(), TopicEvents.rematched(plan.created(), 1)),
      GameWrite.create(plan.created(), TopicEvents.updated(new GameAction(GameAction.CREATED, "bob", null),
        plan.created()))));
    assertNotEquals(GameStore.CONFLICT, offset);
    assertTrue(inProgress(plan.created().gameId()), "a rematch starts playing at once");
    assertEquals(false, inProgress(finished.gameId()));
  }
}
