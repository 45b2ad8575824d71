package dev.parlor.game.play;

import dev.parlor.game.store.Keys;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cluster-wide figures of the game-service, read from Redis (so every instance reports the same truth): games in
 * progress (the size of {@link Keys#PLAYING}) and players waiting in the quick-match queues. Read for each beacon;
 * the last reading also backs the gauges {@code parlor_game_in_progress} and {@code parlor_game_match_queue}.
 */
public final class GameStats {

  private final Redis redis;
  private final List<String> kinds;
  private final AtomicLong inProgress = new AtomicLong(-1);
  private final List<AtomicLong> queued = new ArrayList<>();

  public GameStats(Redis redis, List<String> kinds, MeterRegistry registry) {
    this.redis = redis;
    this.kinds = List.copyOf(kinds);
    Gauge.builder("parlor.game.in.progress", inProgress, GameStats::known)
      .description("games being played, cluster-wide (every instance reports the same value)").register(registry);
    for (String kind : this.kinds) {
      AtomicLong count = new AtomicLong(-1);
      queued.add(count);
      Gauge.builder("parlor.game.match.queue", count, GameStats::known).tag("kind", kind)
        .description("players waiting in the quick-match queue, cluster-wide").register(registry);
    }
  }

  /** {@code {gamesInProgress, queueDepth, queues:{kind: n}}}, read now. */
  public Future<JsonObject> read() {
    List<Request> requests = new ArrayList<>();
    requests.add(Request.cmd(Command.SCARD).arg(Keys.PLAYING));
    kinds.forEach(kind -> requests.add(Request.cmd(Command.ZCARD).arg(Keys.queue(kind))));
    return redis.batch(requests).map(this::record);
  }

  private JsonObject record(List<Response> responses) {
    long games = responses.get(0).toLong();
    inProgress.set(games);
    JsonObject queues = new JsonObject();
    long depth = 0;
    for (int i = 0; i < kinds.size(); i++) {
      long n = responses.get(i + 1).toLong();
      queued.get(i).set(n);
      queues.put(kinds.get(i), n);
      depth += n;
    }
    return new JsonObject().put("gamesInProgress", games).put("queueDepth", depth).put("queues", queues);
  }

  private static double known(AtomicLong value) {
    return value.get() < 0 ? Double.NaN : value.get();
  }
}
