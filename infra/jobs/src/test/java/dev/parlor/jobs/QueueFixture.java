package dev.parlor.jobs;

import dev.parlor.testkit.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A Vert.x, a client of the test Redis, and fresh queue names, so test classes never share keys. */
final class QueueFixture implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  final Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(TestRedis.url())
    .setMaxPoolSize(32).setMaxPoolWaiting(1024));

  static String freshType() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  RedisJobQueue queue(QueueOptions options) {
    RedisJobQueue queue = new RedisJobQueue(redis, options);
    await(queue.init());
    return queue;
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
