package dev.parlor.loadgen;

import dev.parlor.client.ParlorClient;
import dev.parlor.client.Session;
import dev.parlor.client.TopicEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code presence}: N members of one room send location updates at a total rate; M viewers follow the room. Each
 * update carries its wall-clock send time (microseconds) in the member's status, so the delivery latency is measured
 * across processes too. Measures diffs and member updates delivered per second over all viewers, and update to
 * delivery latency (only the states that were published: updates superseded within a tick are not counted).
 *
 * <p>Options: {@code --members 1000 --viewers 100 --rate 1000 --room map:bench --duration 10 --warmup 3}, and
 * {@code --members-watch true} to have every member follow the room too: N sessions that each send and receive, the
 * load the {@code peer} scenario puts on a bare broadcast server (the fan-out comparison in docs/benchmarks.md).
 */
final class PresenceScenario implements Scenario {

  @Override
  public JsonObject run(Vertx vertx, ParlorClient client, LoadOptions options, Metrics metrics) throws Exception {
    int memberCount = options.integer("members", 1000);
    int viewerCount = options.integer("viewers", 100);
    String room = options.string("room", "map:bench");
    double rate = options.decimal("rate", 1000);
    options.requireConnections((long) memberCount + viewerCount);
    List<Session> members = Population.connect(client, memberCount, "m", 200, i -> null, metrics);
    List<Session> viewers = Population.connect(client, viewerCount, "v", 200, i -> null, metrics);
    // Joins in batches: a thousand at once would measure the presence service's queue, not the updates.
    for (int from = 0; from < members.size(); from += 100) {
      List<Future<?>> joined = new ArrayList<>();
      for (Session member : members.subList(from, Math.min(members.size(), from + 100))) {
        joined.add(Scenario.settled(member.request("presence.set", update(room)), metrics));
      }
      Scenario.await(Future.all(joined), 120);
    }
    List<Session> watchers = new ArrayList<>(viewers);
    if (options.flag("members-watch", false)) {
      watchers.addAll(members);
    }
    List<Future<?>> watching = new ArrayList<>();
    for (Session viewer : watchers) {
      watching.add(Scenario.settled(viewer.subscribe("presence:" + room, null, e -> delivered(e, metrics)), metrics));
    }
    Scenario.await(Future.all(watching), 120);
    AtomicLong next = new AtomicLong();
    AtomicLong inFlight = new AtomicLong();
    Pacer pacer = new Pacer(vertx, rate, () -> {
      Session member = members.get((int) (next.getAndIncrement() % members.size()));
      inFlight.incrementAndGet();
      member.request("presence.set", update(room)).onSuccess(r -> metrics.count("updates"))
        .onFailure(metrics::error).onComplete(r -> inFlight.decrementAndGet());
      return true;
    }, metrics);
    double seconds = Scenario.paced(pacer, options, metrics, 3);
    // The last updates' answers, so that closing the sessions does not fail them as "closed" (up to 5 s).
    for (int i = 0; i < 50 && inFlight.get() > 0; i++) {
      Thread.sleep(100);
    }
    Population.closeAll(members);
    Population.closeAll(viewers);
    return new JsonObject()
      .put("membersCount", (long) memberCount).put("viewersCount", (long) viewerCount)
      .put("watchersCount", (long) watchers.size())
      .put("offeredUpdatesPerSecond", rate)
      .put("updatesPerSecond", Math.round(metrics.counter("updates") / seconds))
      .put("diffDeliveriesPerSecond", Math.round(metrics.counter("diffs") / seconds))
      .put("memberDeliveriesPerSecond", Math.round(metrics.counter("memberUpdates") / seconds))
      .put("measuredSeconds", seconds);
  }

  private static JsonObject update(String room) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new JsonObject().put("room", room).put("status", "t" + nowMicros())
      .put("location", new JsonObject().put("lat", random.nextDouble(-80, 80)).put("lon", random.nextDouble(-170, 170)));
  }

  private static long nowMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }

  private static void delivered(TopicEvent event, Metrics metrics) {
    metrics.count("diffs");
    long now = nowMicros();
    for (String part : new String[] {"joined", "updated"}) {
      JsonArray changed = event.data().getJsonArray(part);
      if (changed == null) {
        continue;
      }
      for (int i = 0; i < changed.size(); i++) {
        String status = changed.getJsonObject(i).getString("status");
        metrics.count("memberUpdates");
        if (status != null && status.startsWith("t")) {
          metrics.micros("delivery", now - Long.parseLong(status.substring(1)));
        }
      }
    }
  }
}
