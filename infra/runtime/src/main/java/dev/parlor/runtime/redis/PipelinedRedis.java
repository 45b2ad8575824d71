package dev.parlor.runtime.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A Redis client that pipelines: every command goes out at once on one of a few long-lived connections, each on an
 * event loop of its own, instead of waiting for a pooled connection that carries one command at a time. Replies come
 * back in order on a connection, so a burst of thousands of commands (every session of a dead gateway closing) is a
 * few writes, not a queue that overflows. Commands that may block the connection (blocking reads, pub/sub,
 * transactions) and {@link #connect()} use the pool. A connection that ends or fails is replaced on next use; the
 * commands it carried fail, as they would on a pooled connection.
 */
public final class PipelinedRedis implements Redis {

  /** Commands that hold their connection (or its state) and so must not share it. */
  private static final Set<Command> DEDICATED = Set.of(Command.BLPOP, Command.BRPOP, Command.BRPOPLPUSH,
    Command.BLMOVE, Command.BZPOPMIN, Command.BZPOPMAX, Command.XREAD, Command.XREADGROUP, Command.WAIT,
    Command.SUBSCRIBE, Command.PSUBSCRIBE, Command.SSUBSCRIBE, Command.MULTI, Command.EXEC, Command.WATCH,
    Command.SELECT, Command.MONITOR);

  private final VertxInternal vertx;
  private final Redis pool;
  private final Lane[] lanes;
  private final AtomicInteger next = new AtomicInteger();

  /** {@code connections} pipelined connections (at least 1), taken from {@code pool}. */
  public PipelinedRedis(Vertx vertx, Redis pool, int connections) {
    this.vertx = (VertxInternal) vertx;
    this.pool = pool;
    this.lanes = new Lane[Math.max(1, connections)];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new Lane(this.vertx.createEventLoopContext());
    }
  }

  @Override
  public Future<RedisConnection> connect() {
    return pool.connect();
  }

  @Override
  public Future<Response> send(Request command) {
    if (DEDICATED.contains(command.command())) {
      return pool.send(command);
    }
    return onLane(connection -> connection.send(command));
  }

  @Override
  public Future<List<Response>> batch(List<Request> commands) {
    if (commands.stream().anyMatch(c -> DEDICATED.contains(c.command()))) {
      return pool.batch(commands);
    }
    return onLane(connection -> connection.batch(commands));
  }

  @Override
  public Future<Void> close() {
    for (Lane lane : lanes) {
      lane.close();
    }
    return pool.close();
  }

  /**
   * Sends on the next lane from the caller's thread, so the reply comes back on the caller's context. While a lane's
   * connection is still opening, the send happens on the lane's event loop, and the answer is handed back to the
   * caller's context rather than run there.
   */
  private <T> Future<T> onLane(Function<RedisConnection, Future<T>> use) {
    Future<RedisConnection> connection = lanes[Math.floorMod(next.getAndIncrement(), lanes.length)].connection();
    if (connection.succeeded()) {
      return use.apply(connection.result());
    }
    Promise<T> answer = vertx.getOrCreateContext().promise();
    connection.compose(use).onComplete(answer);
    return answer.future();
  }

  /** One pipelined connection, opened on its own context so no verticle's undeploy closes it. */
  private final class Lane {

    private final ContextInternal context;
    /** Read without the lock on every command; replaced under it. */
    private volatile Future<RedisConnection> connection;
    private boolean closed;

    Lane(ContextInternal context) {
      this.context = context;
    }

    Future<RedisConnection> connection() {
      Future<RedisConnection> open = connection;
      return open != null && open.succeeded() ? open : opening();
    }

    private synchronized Future<RedisConnection> opening() {
      if (closed) {
        return Future.failedFuture("the Redis client is closed");
      }
      if (connection == null || connection.failed()) {
        Promise<RedisConnection> opening = Promise.promise();
        Future<RedisConnection> opened = opening.future();
        connection = opened;
        context.runOnContext(v -> pool.connect().onComplete(opening));
        opened.onSuccess(c -> c
          .exceptionHandler(e -> forget(opened))
          .endHandler(end -> forget(opened)));
      }
      return connection;
    }

    private synchronized void forget(Future<RedisConnection> broken) {
      if (connection == broken) {
        connection = null;
        broken.onSuccess(RedisConnection::close);
      }
    }

    synchronized void close() {
      closed = true;
      if (connection != null) {
        connection.onSuccess(RedisConnection::close);
        connection = null;
      }
    }
  }
}
