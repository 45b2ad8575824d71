package dev.parlor.runtime.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** A real Redis server and a Vert.x instance for one test class, closed together after it. */
final class RedisFixture implements AutoCloseable {

  final RedisServerProcess server;
  final Vertx vertx;

  private RedisFixture(RedisServerProcess server, Vertx vertx) {
    this.server = server;
    this.vertx = vertx;
  }

  static RedisFixture start() throws IOException {
    return new RedisFixture(RedisServerProcess.start(0, null, false), Vertx.vertx());
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    await(vertx.close());
    server.close();
  }
}
