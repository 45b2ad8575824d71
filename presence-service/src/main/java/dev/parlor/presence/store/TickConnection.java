package dev.parlor.presence.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;

/**
 * A Redis connection kept for the ticker alone. Ticks must not queue behind a burst of updates waiting for a pooled
 * connection: under load that queue is what would delay every diff. A broken or silent connection is closed and
 * replaced on next use.
 */
final class TickConnection {

  static final long TIMEOUT_MS = 2_000;

  private final Redis redis;
  private Future<RedisConnection> connection;

  TickConnection(Redis redis) {
    this.redis = redis;
  }

  synchronized Future<Response> send(Request request) {
    if (connection == null || connection.failed()) {
      Future<RedisConnection> connecting = redis.connect();
      connection = connecting;
      connecting.onSuccess(opened -> opened
        .exceptionHandler(e -> forget(connecting))
        .endHandler(end -> forget(connecting)));
    }
    Future<RedisConnection> used = connection;
    // A tick that never answers would stop every later tick of this instance: give up on it and on its connection.
    return used.compose(opened -> opened.send(request)).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
      .onFailure(e -> forget(used));
  }

  private synchronized void forget(Future<RedisConnection> broken) {
    if (connection == broken) {
      connection = null;
      broken.onSuccess(RedisConnection::close);
    }
  }
}
