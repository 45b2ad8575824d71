package dev.parlor.runtime.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The process's Redis client with every command timed as the service sees it (pool wait included) and every failure
 * counted, by command: {@code parlor_redis_commands_seconds{command, outcome}} and
 * {@code parlor_redis_errors_total}. A pipelined batch counts as {@code command="batch"}. Commands sent on a
 * dedicated connection ({@link #connect}) are not metered.
 */
public final class MeteredRedis implements Redis {

  private final Redis redis;
  private final MeterRegistry registry;
  /** Meters by command and outcome: looked up once, not rebuilt for every command on the hot path. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Counter errors;

  public MeteredRedis(Redis redis, MeterRegistry registry) {
    this.redis = redis;
    this.registry = registry;
    this.errors = Counter.builder("parlor.redis.errors")
      .description("Redis commands that failed: error reply, timeout, connection lost").register(registry);
  }

  @Override
  public Future<RedisConnection> connect() {
    return redis.connect();
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }

  @Override
  public Future<Response> send(Request command) {
    return timed(command.command().toString().toLowerCase(Locale.ROOT), redis.send(command));
  }

  @Override
  public Future<List<Response>> batch(List<Request> commands) {
    return timed("batch", redis.batch(commands));
  }

  private <T> Future<T> timed(String command, Future<T> reply) {
    long started = System.nanoTime();
    return reply.andThen(done -> {
      String outcome = done.succeeded() ? "ok" : "error";
      timers.computeIfAbsent(command + ' ' + outcome, key -> Timer.builder("parlor.redis.commands")
          .description("Redis commands sent, by command and outcome").tags("command", command, "outcome", outcome)
          .register(registry))
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      if (done.failed()) {
        errors.increment();
      }
    });
  }
}
