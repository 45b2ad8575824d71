package dev.parlor.loadgen;

import dev.parlor.client.ParlorClient;
import dev.parlor.client.Session;
import dev.parlor.client.SessionListener;
import dev.parlor.client.TopicEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code quickmatch}: a pool of sessions joins the tic-tac-toe quick-match queue at a total rate; each measures the
 * time from its {@code game.quickmatch} to its {@code game.matched} event. A matched player resigns (so the game ends)
 * and goes back to the pool.
 *
 * <p>Options: {@code --sessions 2000 --rate 200 --duration 10 --warmup 2}.
 */
final class QuickMatchScenario implements Scenario {

  @Override
  public JsonObject run(Vertx vertx, ParlorClient client, LoadOptions options, Metrics metrics) throws Exception {
    int count = options.integer("sessions", 2000);
    options.requireConnections(count);
    AtomicLongArray queuedAt = new AtomicLongArray(count);
    Queue<Integer> idle = new ConcurrentLinkedQueue<>();
    Session[] byIndex = new Session[count];
    List<Session> sessions = Population.connect(client, count, "q", 200, i -> new SessionListener() {
      @Override
      public void event(TopicEvent event) {
        if (!"game.matched".equals(event.event())) {
          return;
        }
        long at = queuedAt.getAndSet(i, 0);
        if (at != 0) {
          metrics.since("match", at);
          metrics.count("matched");
        }
        String gameId = event.data().getJsonObject("game").getString("gameId");
        byIndex[i].request("game.resign", new JsonObject().put("gameId", gameId))
          .onComplete(ar -> idle.add(i));
      }
    }, metrics);
    if (sessions.size() < count) {
      throw new IllegalStateException("only " + sessions.size() + " of " + count + " sessions connected");
    }
    for (int i = 0; i < count; i++) {
      byIndex[i] = sessions.get(i);
      idle.add(i);
    }
    Pacer pacer = new Pacer(vertx, options.decimal("rate", 200), () -> {
      Integer i = idle.poll();
      if (i == null) {
        return false;
      }
      queuedAt.set(i, System.nanoTime());
      byIndex[i].request("game.quickmatch", new JsonObject().put("kind", "tictactoe"))
        .onSuccess(r -> metrics.count("joins"))
        .onFailure(e -> {
          metrics.error(e);
          queuedAt.set(i, 0);
          idle.add(i);
        });
      return true;
    }, metrics);
    double seconds = Scenario.paced(pacer, options, metrics, 2);
    // Let the last requests be answered: closing first would fail them as `closed`, an error of the run.
    Thread.sleep(500);
    Population.closeAll(sessions);
    return new JsonObject().put("sessionsCount", (long) count)
      .put("offeredJoinsPerSecond", options.decimal("rate", 200))
      .put("joinsPerSecond", Math.round(metrics.counter("joins") / seconds))
      .put("matchesPerSecond", Math.round(metrics.counter("matched") / seconds))
      .put("measuredSeconds", seconds);
  }
}
