package dev.parlor.presence.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.presence.Location;
import dev.parlor.contracts.presence.Member;
import dev.parlor.contracts.presence.PresenceDiff;
import dev.parlor.presence.PresenceService;
import dev.parlor.runtime.Ids;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rooms, diffs and validation through the real addresses, across two clustered nodes. */
class PresenceRoomsTest {

  private static final TestCluster CLUSTER = new TestCluster();
  private static ParlorRuntime presence;
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    presence = CLUSTER.start(new JsonObject().put("presence.tick-ms", 50), new PresenceService());
    ParlorRuntime gatewayNode = CLUSTER.start();
    gateway = new TestGateway(gatewayNode.vertx(), "gw-" + Ids.random(8));
    gateway.awaitPresenceReachable();
    gateway.startHeartbeats();
  }

  @AfterAll
  static void stop() {
    CLUSTER.close();
  }

  private static String room() {
    return "room-" + Ids.random(10);
  }

  private static DiffProbe probe(String room) throws Exception {
    return new DiffProbe(gateway.vertx(), room).awaitReady(presence.vertx());
  }

  @Test
  void joinUpdateAndLeaveArriveAsDiffs() throws Exception {
    String room = room();
    Caller alice = gateway.caller("alice-" + Ids.random(6), "s-" + Ids.random(8));
    try (DiffProbe probe = probe(room)) {
      gateway.set(alice, new JsonObject().put("room", room).put("status", "here"));
      Member joined = new Member(alice.userId(), alice.name(), "here", null, null);
      assertEquals(new PresenceDiff(List.of(joined), List.of(), List.of()), probe.nextDiff());

      gateway.set(alice, new JsonObject().put("room", room)
        .put("location", new JsonObject().put("lat", 48.5).put("lon", 2.25).put("heading", 90)));
      Member moved = new Member(alice.userId(), alice.name(), "here", new Location(48.5, 2.25, 90.0), null);
      assertEquals(new PresenceDiff(List.of(), List.of(moved), List.of()), probe.nextDiff());
      assertEquals(List.of(moved), members(room));

      gateway.leave(alice, room);
      assertEquals(new PresenceDiff(List.of(), List.of(), List.of(alice.userId())), probe.nextDiff());
      assertEquals(List.of(), members(room));
    }
  }

  @Test
  void setKeepsWhatItOmitsAndNullLocationClearsIt() throws Exception {
    String room = room();
    Caller bob = gateway.caller("bob-" + Ids.random(6), "s-" + Ids.random(8));
    try (DiffProbe probe = probe(room)) {
      gateway.set(bob, new JsonObject().put("room", room).put("status", "busy")
        .put("location", new JsonObject().put("lat", -10).put("lon", 20)));
      probe.nextDiff();
      gateway.set(bob, new JsonObject().put("room", room).put("status", "free"));
      Member updated = probe.nextDiff().updated().get(0);
      assertEquals(new Location(-10, 20, null), updated.location());
      assertEquals("free", updated.status());

      gateway.set(bob, new JsonObject().put("room", room).putNull("location"));
      Member cleared = probe.nextDiff().updated().get(0);
      assertNull(cleared.location());
      assertEquals("free", cleared.status());
    }
  }

  @Test
  void aUserWithSeveralSessionsIsOneMemberUntilTheLastLeaves() throws Exception {
    String room = room();
    String user = "carol-" + Ids.random(6);
    Caller phone = gateway.caller(user, "phone-" + Ids.random(6));
    Caller laptop = gateway.caller(user, "laptop-" + Ids.random(6));
    Caller dave = gateway.caller("dave-" + Ids.random(6), "s-" + Ids.random(8));
    try (DiffProbe probe = probe(room)) {
      gateway.set(phone, new JsonObject().put("room", room));
      assertEquals(1, probe.nextDiff().joined().size());
      gateway.set(laptop, new JsonObject().put("room", room).put("status", "two tabs"));
      PresenceDiff second = probe.nextDiff();
      assertEquals(List.of(), second.joined());
      assertEquals("two tabs", second.updated().get(0).status());
      assertEquals(1, members(room).size());

      gateway.leave(phone, room);
      gateway.set(dave, new JsonObject().put("room", room));
      // The phone's leave changed nothing visible: the next diff is only Dave's arrival.
      assertEquals(new PresenceDiff(List.of(new Member(dave.userId(), dave.name(), null, null, null)), List.of(),
        List.of()), probe.nextDiff());

      gateway.leave(laptop, room);
      assertEquals(List.of(user), probe.nextDiff().left());
      assertEquals(List.of(dave.userId()), members(room).stream().map(Member::userId).toList());
    }
  }

  @Test
  void aBurstOfSixtyUpdatesCoalescesToTheLatestAtMostOneDiffPerTick() throws Exception {
    String room = room();
    Caller eve = gateway.caller("eve-" + Ids.random(6), "s-" + Ids.random(8));
    try (DiffProbe probe = probe(room)) {
      gateway.set(eve, new JsonObject().put("room", room));
      probe.nextDiff();
      long start = System.nanoTime();
      List<io.vertx.core.Future<JsonObject>> sent = new ArrayList<>();
      for (int i = 1; i <= 60; i++) {
        // Sixty updates within one second, as a phone's sensors would send them.
        sent.add(gateway.request(Addresses.Presence.SET, new JsonObject().put("room", room)
          .put("location", new JsonObject().put("lat", i).put("lon", 0)), eve));
        java.util.concurrent.locks.LockSupport.parkNanos(15_000_000L);
      }
      TestGateway.await(io.vertx.core.Future.all(sent));
      List<DiffProbe.Received> diffs = new ArrayList<>();
      double lastLat = 0;
      while (lastLat != 60) {
        DiffProbe.Received received = probe.next();
        diffs.add(received);
        assertEquals(1, received.diff().updated().size(), "one entry per member per diff");
        lastLat = received.diff().updated().get(0).location().lat();
      }
      long elapsedMs = (diffs.get(diffs.size() - 1).atNanos() - start) / 1_000_000;
      assertTrue(diffs.size() <= elapsedMs / 50 + 2,
        diffs.size() + " diffs in " + elapsedMs + " ms is more than one per 50 ms tick");
      assertTrue(diffs.size() < 60, "updates were coalesced");
      assertEquals(60.0, members(room).get(0).location().lat());
    }
  }

  @Test
  void invalidArgumentsOfEveryKindAreRefusedAndChangeNothing() throws Exception {
    String room = room();
    Caller frank = gateway.caller("frank-" + Ids.random(6), "s-" + Ids.random(8));
    List<JsonObject> badSets = List.of(
      new JsonObject(),
      new JsonObject().put("room", ""),
      new JsonObject().put("room", "x".repeat(65)),
      new JsonObject().put("room", "no spaces"),
      new JsonObject().put("room", 12),
      new JsonObject().put("room", room).put("status", "s".repeat(65)),
      new JsonObject().put("room", room).put("status", 5),
      new JsonObject().put("room", room).put("location", "paris"),
      new JsonObject().put("room", room).put("location", new JsonObject().put("lat", 91).put("lon", 0)),
      new JsonObject().put("room", room).put("location", new JsonObject().put("lat", -90.5).put("lon", 0)),
      new JsonObject().put("room", room).put("location", new JsonObject().put("lat", 0).put("lon", 181)),
      new JsonObject().put("room", room).put("location", new JsonObject().put("lat", 0).put("lon", -180.01)),
      new JsonObject().put("room", room).put("location", new JsonObject().put("lat", 0).put("lon", 0)
        .put("heading", 360)),
      new JsonObject().put("room", room).put("location", new JsonObject().put("lat", 0).put("lon", 0)
        .put("heading", -1)),
      new JsonObject().put("room", room).put("location", new JsonObject().put("lon", 0)));
    for (JsonObject body : badSets) {
      assertEquals(ErrorCode.INVALID_ARGS.failureCode(), gateway.failureOf(Addresses.Presence.SET, body, frank),
        body.encode());
    }
    assertEquals(ErrorCode.INVALID_ARGS.failureCode(),
      gateway.failureOf(Addresses.Presence.LEAVE, new JsonObject().put("room", "a b"), frank));
    assertEquals(ErrorCode.INVALID_ARGS.failureCode(),
      gateway.failureOf(Addresses.Presence.SNAPSHOT, new JsonObject(), null));
    assertEquals(ErrorCode.INVALID_ARGS.failureCode(),
      gateway.failureOf(Addresses.Presence.SET, "not an object", frank));
    assertEquals(ErrorCode.INVALID_ARGS.failureCode(),
      gateway.failureOf(Addresses.Presence.LEAVE, new io.vertx.core.json.JsonArray().add(room), frank));
    assertEquals(ErrorCode.UNAUTHORIZED.failureCode(),
      gateway.failureOf(Addresses.Presence.LEAVE, new JsonObject().put("room", room), null));
    assertEquals(ErrorCode.UNAUTHORIZED.failureCode(),
      gateway.failureOf(Addresses.Presence.SET, new JsonObject().put("room", room), null));
    assertEquals(List.of(), members(room));
  }

  @Test
  void anAvatarAppearsOnTheUsersMembersAndOnLaterJoins() throws Exception {
    String room = room();
    String laterRoom = room();
    Caller gina = gateway.caller("gina-" + Ids.random(6), "s-" + Ids.random(8));
    Map<String, String> avatar = Map.of("64", "/media/g/64.png", "128", "/media/g/128.png", "256", "/media/g/256.png");
    try (DiffProbe probe = probe(room)) {
      gateway.set(gina, new JsonObject().put("room", room));
      probe.nextDiff();
      presence.vertx().eventBus().publish(Addresses.Presence.AVATAR,
        new dev.parlor.contracts.presence.AvatarChanged(gina.userId(), avatar).toJson());
      PresenceDiff diff = probe.nextDiff();
      assertEquals(avatar, diff.updated().get(0).avatar());
    }
    gateway.set(gina, new JsonObject().put("room", laterRoom));
    assertEquals(avatar, members(laterRoom).get(0).avatar());
  }

  private static List<Member> members(String room) throws Exception {
    return gateway.snapshot(room).getJsonArray("members").stream()
      .map(m -> Member.fromJson((JsonObject) m)).toList();
  }
}
