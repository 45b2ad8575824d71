package dev.parlor.presence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Caller;
import dev.parlor.presence.rules.PresenceUpdate;
import dev.parlor.presence.store.PresenceStore.Drained;
import dev.parlor.presence.tick.Change;
import dev.parlor.runtime.Ids;
import dev.parlor.testkit.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one Redis stand for two presence instances: what one instance remembers about a session must never
 * let it miss what the other did to that session.
 */
class RedisPresenceStoreTest {

  private static Vertx vertx;
  private static PresenceStore first;
  private static PresenceStore second;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    first = new RedisPresenceStore(Redis.createClient(vertx, TestRedis.url()));
    second = new RedisPresenceStore(Redis.createClient(vertx, TestRedis.url()));
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void aSessionThatLeftThroughAnotherInstanceJoinsAgain() throws Exception {
    String room = "room-" + Ids.random(8);
    Caller kim = new Caller("kim-" + Ids.random(6), "Kim", "s-" + Ids.random(8), null);
    assertTrue(await(first.set(kim, status(room, "one"))));
    assertTrue(await(second.leave(kim, room)));
    assertTrue(await(first.set(kim, status(room, "two"))));
    assertEquals(List.of(Change.Kind.JOIN, Change.Kind.LEAVE, Change.Kind.JOIN), kinds(room));
    assertEquals("two", await(second.members(room)).get(0).getString("status"));
  }

  @Test
  void aSessionClosedThroughAnotherInstanceCannotComeBack() throws Exception {
    String room = "room-" + Ids.random(8);
    Caller lee = new Caller("lee-" + Ids.random(6), "Lee", "s-" + Ids.random(8), "gw-" + Ids.random(6));
    await(first.set(lee, status(room, "here")));
    assertEquals(List.of(room), await(second.closeSession(lee.sessionId(), lee.gatewayId())));
    ExecutionException refused = assertThrows(ExecutionException.class,
      () -> await(first.set(lee, status(room, "ghost"))));
    assertInstanceOf(PresenceStore.SessionClosed.class, refused.getCause());
    assertEquals(List.of(), await(first.members(room)));
  }

  @Test
  void aRepeatedSetWithNothingNewChangesNothing() throws Exception {
    String room = "room-" + Ids.random(8);
    Caller max = new Caller("max-" + Ids.random(6), "Max", "s-" + Ids.random(8), null);
    assertTrue(await(first.set(max, status(room, "same"))));
    assertFalse(await(first.set(max, status(room, "same"))));
    assertFalse(await(second.set(max, status(room, "same"))));
    assertEquals(List.of(Change.Kind.JOIN), kinds(room));
  }

  @Test
  void onlyTheLeaseHolderDrainsARoom() throws Exception {
    String room = "room-" + Ids.random(8);
    Caller ned = new Caller("ned-" + Ids.random(6), "Ned", "s-" + Ids.random(8), null);
    await(first.set(ned, status(room, "a")));
    assertEquals(Drained.Outcome.DRAINED, await(first.drain(room, "ticker-1", 10_000)).outcome());
    await(first.set(ned, status(room, "b")));
    assertEquals(Drained.Outcome.TICKED_ELSEWHERE, await(second.drain(room, "ticker-2", 10_000)).outcome());
    assertEquals(1, await(first.drain(room, "ticker-1", 10_000)).changes().size());
    assertEquals(Drained.Outcome.IDLE, await(first.drain(room, "ticker-1", 10_000)).outcome());
    await(first.set(ned, status(room, "c")));
    assertEquals(Drained.Outcome.DRAINED, await(second.drain(room, "ticker-2", 10_000)).outcome());
  }

  private static PresenceUpdate status(String room, String status) {
    return new PresenceUpdate(room, true, status, false, null);
  }

  private static List<Change.Kind> kinds(String room) throws Exception {
    return await(first.drain(room, "kinds-" + Ids.random(4), 1)).changes().stream().map(Change::kind).toList();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
