package dev.parlor.presence.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.contracts.presence.Member;
import dev.parlor.contracts.presence.PresenceDiff;
import dev.parlor.presence.PresenceService;
import dev.parlor.runtime.Ids;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two presence-service instances share one room: requests alternate between them (event-bus round robin), yet every
 * change is published once, members never flap, and diffs come at most once per tick.
 */
class PresenceScaleOutTest {

  private static final long TICK_MS = 50;
  private static final int USERS = 30;
  private static final int UPDATES = 8;
  private static final TestCluster CLUSTER = new TestCluster();
  private static ParlorRuntime first;
  private static ParlorRuntime second;
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    JsonObject settings = new JsonObject().put("presence.tick-ms", TICK_MS);
    first = CLUSTER.start(settings, new PresenceService());
    second = CLUSTER.start(settings, new PresenceService());
    ParlorRuntime gatewayNode = CLUSTER.start();
    gateway = new TestGateway(gatewayNode.vertx(), "gw-" + Ids.random(6));
    gateway.awaitPresenceReachable();
    gateway.startHeartbeats();
  }

  @AfterAll
  static void stop() {
    CLUSTER.close();
  }

  @Test
  void twoInstancesPublishEveryChangeOnceWithoutFlapping() throws Exception {
    String room = "map-" + Ids.random(8);
    List<Caller> users = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      users.add(gateway.caller("u" + u + "-" + Ids.random(6), "s-" + Ids.random(6)));
    }
    try (DiffProbe probe = new DiffProbe(gateway.vertx(), room).awaitReady(first.vertx()).awaitReady(second.vertx())) {
      long start = System.nanoTime();
      for (int step = 0; step <= UPDATES; step++) {
        List<Future<JsonObject>> wave = new ArrayList<>();
        for (Caller user : users) {
          wave.add(gateway.request(Addresses.Presence.SET, new JsonObject().put("room", room)
            .put("status", "step " + step), user));
        }
        TestGateway.await(Future.all(wave));
        LockSupport.parkNanos(7_000_000L);
      }
      List<Future<JsonObject>> leaves = new ArrayList<>();
      for (Caller user : users) {
        leaves.add(gateway.request(Addresses.Presence.LEAVE, new JsonObject().put("room", room), user));
      }
      TestGateway.await(Future.all(leaves));

      Map<String, List<String>> history = new HashMap<>();
      Set<String> gone = new HashSet<>();
      List<DiffProbe.Received> diffs = new ArrayList<>();
      while (gone.size() < USERS) {
        DiffProbe.Received received = probe.next();
        diffs.add(received);
        PresenceDiff diff = received.diff();
        Set<String> inThisDiff = new HashSet<>();
        for (Member member : diff.joined()) {
          assertTrue(inThisDiff.add(member.userId()), "once per diff");
          history.computeIfAbsent(member.userId(), k -> new ArrayList<>()).add("joined");
        }
        for (Member member : diff.updated()) {
          assertTrue(inThisDiff.add(member.userId()), "once per diff");
          history.computeIfAbsent(member.userId(), k -> new ArrayList<>()).add("updated " + member.status());
        }
        for (String userId : diff.left()) {
          assertTrue(inThisDiff.add(userId), "once per diff");
          history.computeIfAbsent(userId, k -> new ArrayList<>()).add("left");
          gone.add(userId);
        }
      }
      for (Caller user : users) {
        List<String> seen = history.get(user.userId());
        assertEquals("joined", seen.get(0), user.userId() + ": " + seen);
        assertEquals("left", seen.get(seen.size() - 1), user.userId() + ": " + seen);
        assertEquals(1, seen.stream().filter("joined"::equals).count(), "joined once: " + seen);
        assertEquals(1, seen.stream().filter("left"::equals).count(), "left once: " + seen);
        assertFalse(seen.size() > UPDATES + 2, "no duplicates: " + seen);
        assertStepsOnlyGoForward(seen);
      }
      long elapsedMs = (diffs.get(diffs.size() - 1).atNanos() - start) / 1_000_000;
      assertTrue(diffs.size() <= elapsedMs / TICK_MS + 2, diffs.size() + " diffs in " + elapsedMs + " ms");
      assertEquals(0, gateway.snapshot(room).getJsonArray("members").size());
    }
  }

  @Test
  void whenAnInstanceStopsTheOthersTickItsRoomsAndNobodyShowsTwice() throws Exception {
    ParlorRuntime third = CLUSTER.start(new JsonObject().put("presence.tick-ms", TICK_MS), new PresenceService());
    String room = "lobby-" + Ids.random(8);
    List<Caller> users = new ArrayList<>();
    for (int u = 0; u < 9; u++) {
      users.add(gateway.caller("v" + u + "-" + Ids.random(6), "s-" + Ids.random(6)));
    }
    try (DiffProbe probe = new DiffProbe(gateway.vertx(), room).awaitReady(first.vertx())
      .awaitReady(second.vertx()).awaitReady(third.vertx())) {
      setAll(users, room, "before");
      Set<String> joined = new HashSet<>();
      while (joined.size() < users.size()) {
        for (Member member : probe.nextDiff().joined()) {
          assertTrue(joined.add(member.userId()), "joined once: " + member.userId());
        }
      }
      CLUSTER.stop(third);
      setAll(users, room, "after");
      Set<String> updated = new HashSet<>();
      while (updated.size() < users.size()) {
        PresenceDiff diff = probe.nextDiff();
        assertEquals(List.of(), diff.joined(), "nobody joins twice");
        for (Member member : diff.updated()) {
          assertEquals("after", member.status());
          assertTrue(updated.add(member.userId()), "updated once: " + member.userId());
        }
      }
      assertEquals(users.size(), gateway.snapshot(room).getJsonArray("members").size());
    }
  }

  private static void setAll(List<Caller> users, String room, String status) throws Exception {
    List<Future<JsonObject>> wave = new ArrayList<>();
    for (Caller user : users) {
      wave.add(gateway.request(Addresses.Presence.SET, new JsonObject().put("room", room).put("status", status), user));
    }
    TestGateway.await(Future.all(wave));
  }

  private static void assertStepsOnlyGoForward(List<String> seen) {
    int last = -1;
    for (String entry : seen) {
      if (entry.startsWith("updated step ")) {
        int step = Integer.parseInt(entry.substring("updated step ".length()));
        assertTrue(step > last, "states never go back: " + seen);
        last = step;
      }
    }
  }
}
