package dev.parlor.presence.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parlor.contracts.Caller;
import dev.parlor.contracts.presence.Member;
import dev.parlor.contracts.presence.PresenceDiff;
import dev.parlor.presence.rules.PresenceUpdate;
import dev.parlor.presence.store.PresenceStore;
import dev.parlor.presence.store.RedisPresenceStore;
import dev.parlor.runtime.Ids;
import dev.parlor.testkit.TestRedis;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The room tick against a real Redis: a quiet room's change is published at once, a busy room's changes wait for their
 * tick and are folded into one diff. No clock calls {@link RoomTicker#tick} here; the tests call it by hand.
 */
class RoomTickerTest {

  private static Vertx vertx;
  private static Context loop;
  private static PresenceStore store;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    loop = vertx.getOrCreateContext();
    store = new RedisPresenceStore(Redis.createClient(vertx, TestRedis.url()));
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void aQuietRoomPublishesItsFirstChangeWithoutWaitingForTheTick() throws Exception {
    Room room = new Room(60_000);
    room.set("kim", "here");
    PresenceDiff diff = room.next();
    assertEquals(List.of("here"), statuses(diff.joined()));
  }

  @Test
  void changesRightAfterAPublishWaitForTheirTickAndArriveAsOneDiff() throws Exception {
    Room room = new Room(1_000);
    room.set("kim", "one");
    long first = System.nanoTime();
    room.next();
    room.set("kim", "two");
    room.set("kim", "three");
    room.set("lee", "hi");
    onLoop(room.ticker::tick);
    assertNull(room.published.poll(300, TimeUnit.MILLISECONDS), "a busy room published before its tick");
    Thread.sleep(Math.max(0, 1_050 - (System.nanoTime() - first) / 1_000_000));
    onLoop(room.ticker::tick);
    PresenceDiff diff = room.next();
    assertEquals(List.of("hi"), statuses(diff.joined()));
    assertEquals(List.of("three"), statuses(diff.updated()));
  }

  @Test
  void aRoomQuietForATickPublishesAtOnceAgain() throws Exception {
    Room room = new Room(100);
    room.set("kim", "one");
    room.next();
    Thread.sleep(150);
    room.set("kim", "two");
    assertEquals(List.of("two"), statuses(room.next().updated()));
  }

  /** One room with its own ticker; only the ticker's leading edge and explicit ticks publish. */
  private static final class Room {

    final String name = "room-" + Ids.random(8);
    final BlockingQueue<PresenceDiff> published = new LinkedBlockingQueue<>();
    final RoomTicker ticker;

    Room(long tickMs) {
      ticker = new RoomTicker(store, "ticker-" + Ids.random(6), tickMs, 5_000, (room, diff) -> published.add(diff));
    }

    void set(String user, String status) throws Exception {
      Caller caller = new Caller(user + "-" + name, user, "s-" + user + "-" + name, null);
      onLoop(() -> store.set(caller, new PresenceUpdate(name, true, status, false, null)).map(changed -> {
        ticker.touch(name);
        return changed;
      }));
    }

    PresenceDiff next() throws InterruptedException {
      PresenceDiff diff = published.poll(5, TimeUnit.SECONDS);
      if (diff == null) {
        throw new AssertionError("no diff published within 5 s");
      }
      return diff;
    }
  }

  private static List<String> statuses(List<Member> members) {
    return members.stream().map(Member::status).toList();
  }

  private static <T> T onLoop(Supplier<Future<T>> action) throws Exception {
    return await(Future.<T>future(promise -> loop.runOnContext(v -> action.get().onComplete(promise))));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
