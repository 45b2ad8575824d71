package dev.parlor.loadgen;

import dev.parlor.client.ClientError;
import dev.parlor.client.ParlorClient;
import dev.parlor.client.Session;
import dev.parlor.client.SessionListener;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * {@code storm}: N sessions, each following its user topic and one public game's topic (one game per 500 sessions,
 * moved on while everyone is away), drop their connections at the same instant and reconnect (backoff with full
 * jitter), each resuming both topics with {@code since}. Measures the time until every session has resumed every
 * topic, each session's own time, how many resumed with {@code recovered:false}, gaps and repeats.
 *
 * <p>Options: {@code --sessions 2000 --duration 30} (the longest wait for a storm to settle), and
 * {@code --drop-at-epoch-ms T} to drop at wall-clock time T (several processes at once). {@code --warmup-storms K}
 * (0-5, default 0) runs K whole storms first, unmeasured, then waits {@code --settle-seconds} (default 20): a storm
 * is the first time the services run their close and resume paths, so on a fresh cluster it measures the JIT
 * compiling them as much as the work itself, which a long-running cluster has long since compiled.
 * {@code recoveredFalseCount} and {@code gaps} count every storm of the run, warm-ups included.
 * The load process collects its own garbage 5 s before an agreed drop ({@link Scenario#ownGc}).
 */
final class StormScenario implements Scenario {

  private static final int TOPICS = 2;
  private static final int MAX_WARMUP_STORMS = 5;
  /** Numbers, addresses and ports in a close reason, left out so that reasons group (compiled once, not per close). */
  private static final Pattern NUMBERS = Pattern.compile("[0-9.:/]+");

  @Override
  public JsonObject run(Vertx vertx, ParlorClient client, LoadOptions options, Metrics metrics) throws Exception {
    int count = options.integer("sessions", 2000);
    int warmups = options.integer("warmup-storms", 0);
    if (warmups < 0 || warmups > MAX_WARMUP_STORMS) {
      throw new IllegalArgumentException("warmup-storms: 0.." + MAX_WARMUP_STORMS);
    }
    options.requireConnections(count + 2L * gamesFor(count));
    AtomicIntegerArray resumedTopics = new AtomicIntegerArray(count);
    long[] dropAt = {0};
    LongAdder notRecovered = new LongAdder();
    AtomicReference<CountDownLatch> allResumed = new AtomicReference<>(new CountDownLatch(count));
    List<Session> sessions = Population.connect(client, count, "s", options.integer("in-flight", 200),
      i -> new SessionListener() {
        @Override
        public void resumed(String topic, boolean recovered, JsonObject reply) {
          if (!recovered) {
            notRecovered.increment();
          }
          if (resumedTopics.incrementAndGet(i) == TOPICS) {
            metrics.since("resume", dropAt[0]);
            allResumed.get().countDown();
          }
        }

        @Override
        public void welcomed(JsonObject welcome, boolean resumed) {
          if (resumed) {
            metrics.since("welcome", dropAt[0]); // drop → welcomed again: the dial and hello part of "resume"
          }
        }

        @Override
        public void error(ClientError error) {
          metrics.error(error); // a refused resubscribe (the client retries the busy ones)
        }

        @Override
        public void disconnected(int code, String reason, boolean willRetry) {
          // Why connections ended during the storm (the drop itself included), so a slow storm says where it lost
          // time: "no upgrade answer", refused dials, closes by the gateway. Numbers are left out so reasons group.
          metrics.count("ended " + code + " " + NUMBERS.matcher(String.valueOf(reason)).replaceAll("#"));
        }
      }, metrics);
    if (sessions.size() < count) {
      throw new IllegalStateException("only " + sessions.size() + " of " + count + " sessions connected");
    }
    List<Session> players = Population.connect(client, 2 * gamesFor(count), "p", 50, i -> null, metrics);
    List<String> games = new ArrayList<>();
    List<Session[]> turns = new ArrayList<>();
    for (int g = 0; g < gamesFor(count); g++) {
      JsonObject created = Scenario.await(players.get(2 * g).request("game.create",
        new JsonObject().put("kind", "connect4").put("visibility", "public")), 30);
      String gameId = created.getJsonObject("game").getString("gameId");
      JsonObject joined = Scenario.await(players.get(2 * g + 1).request("game.join",
        new JsonObject().put("gameId", gameId)), 30);
      boolean creatorFirst = players.get(2 * g).guest().userId()
        .equals(joined.getJsonObject("game").getString("turn"));
      Session first = players.get(creatorFirst ? 2 * g : 2 * g + 1);
      Session second = players.get(creatorFirst ? 2 * g + 1 : 2 * g);
      turns.add(new Session[] {first, second});
      games.add(gameId);
    }
    List<Future<?>> subscribed = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      subscribed.add(Scenario.settled(sessions.get(i).subscribe("game:" + games.get(i % games.size()), null,
        e -> { }), metrics));
    }
    Scenario.await(Future.all(subscribed), 120);
    long gapsBefore = client.stats().gaps();
    Runnable storm = new Runnable() {
      private int round;

      @Override
      public void run() {
        for (int i = 0; i < count; i++) {
          resumedTopics.set(i, 0);
        }
        allResumed.set(new CountDownLatch(count));
        dropAt[0] = System.nanoTime();
        sessions.forEach(Session::dropConnection);
        for (int g = 0; g < games.size(); g++) {
          // One move in every game while its watchers are away: the resume must bring it. The players take turns
          // from one storm to the next, each in a column of its own (no four in a row within six storms).
          Session mover = turns.get(g)[round % 2];
          mover.request("game.move", new JsonObject().put("gameId", games.get(g))
            .put("move", new JsonObject().put("column", round))).onFailure(metrics::error);
        }
        round++;
      }
    };
    for (int w = 0; w < warmups; w++) {
      storm.run();
      if (!allResumed.get().await(options.integer("duration", 30), TimeUnit.SECONDS)) {
        throw new IllegalStateException("warm-up storm " + (w + 1) + " did not settle: "
          + allResumed.get().getCount() + " of " + count + " sessions not resumed");
      }
    }
    if (warmups > 0) {
      Thread.sleep(options.integer("settle-seconds", 20) * 1000L);
    }
    long dropAtMs = Long.parseLong(options.string("drop-at-epoch-ms", "0"));
    if (dropAtMs > 0) {
      // Several load processes drop their sessions at one agreed instant (run-many passes the same value to each).
      long wait = dropAtMs - System.currentTimeMillis();
      if (wait < 0) {
        throw new IllegalStateException("set-up finished " + -wait + " ms after --drop-at-epoch-ms");
      }
      Thread.sleep(Math.max(0, wait - Scenario.GC_LEAD_MS));
    }
    Scenario.ownGc(options, metrics);
    if (dropAtMs > 0) {
      Thread.sleep(Math.max(0, dropAtMs - System.currentTimeMillis()));
    }
    metrics.startMeasuring();
    storm.run();
    boolean settled = allResumed.get().await(options.integer("duration", 30), TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - dropAt[0]) / 1e9;
    metrics.stopMeasuring();
    Population.closeAll(sessions);
    Population.closeAll(players);
    return new JsonObject()
      .put("sessionsCount", (long) count)
      .put("warmupStorms", (long) warmups)
      .put("allResumed", settled)
      .put("resumedCount", count - allResumed.get().getCount())
      .put("secondsUntilAllResumed", settled ? seconds : -1)
      .put("recoveredFalseCount", notRecovered.sum())
      .put("gaps", client.stats().gaps() - gapsBefore)
      .put("duplicates", client.stats().duplicates())
      .put("measuredSeconds", seconds);
  }

  private static int gamesFor(int sessions) {
    return Math.max(1, sessions / 500);
  }
}
