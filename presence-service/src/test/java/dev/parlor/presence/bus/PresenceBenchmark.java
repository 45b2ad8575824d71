package dev.parlor.presence.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.contracts.presence.Member;
import dev.parlor.presence.Batches;
import dev.parlor.presence.PresenceService;
import dev.parlor.runtime.Ids;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Diff latency and deliveries for one room of 5,000 members. Not part of the build (its name is not a test name):
 * {@code mvn -B -o -pl presence-service -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=PresenceBenchmark
 * -Dbench.rate=2000 -Dbench.seconds=10 -Dbench.instances=1}; figures in target/surefire-reports/*-output.txt.
 */
class PresenceBenchmark {

  private static final int MEMBERS = Integer.getInteger("bench.members", 5_000);
  private static final int RATE = Integer.getInteger("bench.rate", 2_000);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
  private static final int INSTANCES = Integer.getInteger("bench.instances", 1);
  private static final TestCluster CLUSTER = new TestCluster();
  private static final List<ParlorRuntime> PRESENCE = new ArrayList<>();
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    for (int i = 0; i < INSTANCES; i++) {
      PRESENCE.add(CLUSTER.start(new JsonObject().put("redis.pool-size", 32)
        .put("metrics.enabled", Boolean.getBoolean("bench.metrics")), new PresenceService()));
    }
    ParlorRuntime gatewayNode = CLUSTER.start(new JsonObject().put("metrics.enabled", Boolean.getBoolean("bench.metrics")));
    gateway = new TestGateway(gatewayNode.vertx(), "gw-" + Ids.random(6));
    gateway.awaitPresenceReachable();
    gateway.startHeartbeats();
  }

  @AfterAll
  static void stop() {
    CLUSTER.close();
  }

  @Test
  void fiveThousandMemberRoom() throws Exception {
    String room = "map-" + Ids.random(8);
    List<Caller> members = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      members.add(gateway.caller("u" + i + "-" + Ids.random(4), "s-" + Ids.random(10)));
    }
    DiffProbe probe = new DiffProbe(gateway.vertx(), room);
    for (ParlorRuntime node : PRESENCE) {
      probe.awaitReady(node.vertx());
    }
    long joinStart = System.nanoTime();
    JsonObject joining = new JsonObject().put("room", room).put("status", "joined");
    // A join that timed out on a busy machine is simply sent again: a repeated set is harmless.
    TestGateway.await(Batches.each(members, m -> gateway.request(Addresses.Presence.SET, joining, m)
      .recover(e -> gateway.request(Addresses.Presence.SET, joining, m))), 300);
    long joinMs = (System.nanoTime() - joinStart) / 1_000_000;
    int joined = 0;
    while (joined < MEMBERS) {
      joined += probe.nextDiff().joined().size();
    }
    long snapStart = System.nanoTime();
    assertEquals(MEMBERS, gateway.snapshot(room).getJsonArray("members").size());
    long snapshotMs = (System.nanoTime() - snapStart) / 1_000_000;

    int total = RATE * SECONDS;
    long[] sentAt = new long[total];
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Vertx vertx = gateway.vertx();
    int perSlice = Math.max(1, RATE / 100);
    long loadStart = System.nanoTime();
    long timer = vertx.setPeriodic(10, id -> {
      // Keep to the schedule even when a slice ran late, so the offered rate is the configured one.
      long due = Math.min(total, (System.nanoTime() - loadStart) / 10_000_000L * perSlice + perSlice);
      while (sent.get() < due) {
        int seq = sent.getAndIncrement();
        Caller who = members.get(ThreadLocalRandom.current().nextInt(MEMBERS));
        sentAt[seq] = System.nanoTime();
        gateway.request(Addresses.Presence.SET, new JsonObject().put("room", room).put("status", "n" + seq)
          .put("location", new JsonObject().put("lat", seq % 90).put("lon", seq % 180)), who)
          .onFailure(e -> failed.incrementAndGet());
      }
    });
    List<Long> latencies = new ArrayList<>();
    int diffs = 0;
    int entries = 0;
    int maxEntries = 0;
    long lastArrival = loadStart;
    long maxGapMs = 0;
    long deadline = loadStart + (SECONDS + 5) * 1_000_000_000L;
    boolean sawLast = false;
    while (!sawLast && System.nanoTime() < deadline) {
      DiffProbe.Received received = probe.next(5_000);
      diffs++;
      entries += received.diff().updated().size();
      maxEntries = Math.max(maxEntries, received.diff().updated().size());
      maxGapMs = Math.max(maxGapMs, (received.atNanos() - lastArrival) / 1_000_000);
      lastArrival = received.atNanos();
      for (Member member : received.diff().updated()) {
        int seq = Integer.parseInt(member.status().substring(1));
        latencies.add((received.atNanos() - sentAt[seq]) / 1_000);
        sawLast |= seq == total - 1;
      }
    }
    vertx.cancelTimer(timer);
    double seconds = (lastArrival - loadStart) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("presence benchmark: %d members, %d presence instance(s), offered %d updates/s for %d s%n",
      MEMBERS, INSTANCES, RATE, SECONDS);
    System.out.printf("  join: %d members in %d ms (%.0f/s); snapshot of %d members: %d ms%n", MEMBERS, joinMs,
      MEMBERS * 1000.0 / joinMs, MEMBERS, snapshotMs);
    System.out.printf("  sent %d updates (%d failed) -> %d diffs in %.2f s: %.1f diffs/s, %.0f member updates/s,"
      + " largest diff %d members, longest gap between diffs %d ms%n", sent.get(), failed.get(), diffs, seconds,
      diffs / seconds, entries / seconds, maxEntries, maxGapMs);
    System.out.printf("  latency set sent -> diff received (ms): p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
      pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1000.0);
    System.out.printf("  deliveries if all %d members watch the room: %.0f diff frames/s, %.0f member updates/s%n",
      MEMBERS, diffs / seconds * MEMBERS, entries / seconds * MEMBERS);
    assertTrue(sawLast, "the last update was delivered");
    probe.close();
  }

  private static double pct(long[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1000.0;
  }
}
