package dev.parlor.runtime.redis;

import static dev.parlor.runtime.redis.RedisFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipelined client against a real Redis server. */
class PipelinedRedisTest {

  private static RedisFixture fixture;
  private static Vertx vertx;
  private static Redis redis;

  @BeforeAll
  static void start() throws Exception {
    fixture = RedisFixture.start();
    vertx = fixture.vertx;
    // A small pool: 20,000 commands at once would overflow its waiting queue if they waited for it.
    Redis pool = Redis.createClient(vertx, new RedisOptions().setConnectionString(fixture.server.url())
      .setMaxPoolSize(4).setMaxPoolWaiting(64).setMaxWaitingHandlers(32_768));
    redis = new PipelinedRedis(vertx, pool, 2);
  }

  @AfterAll
  static void stop() throws Exception {
    await(redis.close());
    fixture.close();
  }

  private static Request incr(String key) {
    return Request.cmd(Command.INCR).arg(key);
  }

  @Test
  void aBurstFromSeveralEventLoopsIsAnsweredWholeEachCommandWithItsOwnReply() throws Exception {
    String key = "counter-" + UUID.randomUUID();
    int senders = 4;
    int each = 5_000;
    List<CompletableFuture<List<Response>>> sent = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      CompletableFuture<List<Response>> done = new CompletableFuture<>();
      vertx.getOrCreateContext().runOnContext(v -> {
        List<Future<Response>> replies = new ArrayList<>(each);
        for (int i = 0; i < each; i++) {
          replies.add(redis.send(incr(key)));
        }
        Future.all(replies).onComplete(all -> {
          if (all.failed()) {
            done.completeExceptionally(all.cause());
          } else {
            done.complete(replies.stream().map(Future::result).toList());
          }
        });
      });
      sent.add(done);
    }
    Set<Long> values = new TreeSet<>();
    for (CompletableFuture<List<Response>> done : sent) {
      done.get(30, TimeUnit.SECONDS).forEach(r -> values.add(r.toLong()));
    }
    assertEquals(senders * each, values.size(), "every INCR got a reply of its own");
    assertEquals(1L, ((TreeSet<Long>) values).first());
    assertEquals((long) senders * each, ((TreeSet<Long>) values).last());
  }

  @Test
  void anErrorReplyFailsOnlyItsOwnCommand() throws Exception {
    String text = "text-" + UUID.randomUUID();
    await(redis.send(Request.cmd(Command.SET).arg(text).arg("not a number")));
    String counter = "counter-" + UUID.randomUUID();
    Future<Response> before = redis.send(incr(counter));
    Future<Response> bad = redis.send(incr(text));
    Future<Response> after = redis.send(incr(counter));
    assertEquals(1, await(before).toInteger());
    assertEquals(2, await(after).toInteger());
    Throwable error = bad.toCompletionStage().toCompletableFuture().handle((ok, e) -> e).get(10, TimeUnit.SECONDS);
    assertTrue(String.valueOf(error).contains("not an integer"), String.valueOf(error));
    List<Response> batch = await(redis.batch(List.of(incr(counter), incr(counter))));
    assertEquals(List.of(3, 4), batch.stream().map(Response::toInteger).toList());
  }

  @Test
  void aBlockingReadWaitsOnItsOwnConnectionNotInFrontOfOthers() throws Exception {
    String list = "list-" + UUID.randomUUID();
    Future<Response> blocked = redis.send(Request.cmd(Command.BLPOP).arg(list).arg(5));
    assertEquals(1, await(redis.send(incr("counter-" + UUID.randomUUID()))).toInteger());
    assertFalse(blocked.isComplete(), "the BLPOP still waits, and the INCR behind it was answered");
    await(redis.send(Request.cmd(Command.RPUSH).arg(list).arg("x")));
    assertEquals("x", await(blocked).get(1).toString());
  }

  @Test
  void connectionsKilledByTheServerAreReplacedOnNextUse() throws Exception {
    String counter = "counter-" + UUID.randomUUID();
    assertEquals(1, await(redis.send(incr(counter))).toInteger());
    Redis admin = Redis.createClient(vertx, fixture.server.url());
    try {
      await(admin.send(Request.cmd(Command.CLIENT).arg("KILL").arg("TYPE").arg("normal").arg("SKIPME").arg("yes")));
    } finally {
      admin.close();
    }
    int answered = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (answered < 50 && System.nanoTime() < deadline) {
      try {
        await(redis.send(incr(counter)));
        answered++;
      } catch (Exception e) {
        Thread.sleep(50); // a command already on a killed connection fails, as it would on a pooled one
      }
    }
    assertEquals(50, answered, "commands go through again once the connections are replaced");
  }
}
