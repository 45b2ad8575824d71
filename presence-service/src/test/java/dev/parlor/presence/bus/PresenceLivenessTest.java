package dev.parlor.presence.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.presence.PresenceDiff;
import dev.parlor.presence.PresenceService;
import dev.parlor.presence.rules.PresenceUpdate;
import dev.parlor.presence.store.PresenceStore;
import dev.parlor.presence.store.RedisPresenceStore;
import dev.parlor.testkit.TestRedis;
import io.vertx.redis.client.Redis;
import dev.parlor.runtime.Ids;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No ghosts: members leave when their sessions close or when the gateway holding them falls silent. The gateway
 * timeout is shortened to 1.5 s here; the defaults (20 s, swept every 2 s) give the same bound shape: 22 s < 30 s.
 */
class PresenceLivenessTest {

  private static final long GATEWAY_TIMEOUT_MS = 1_500;
  private static final long REAP_INTERVAL_MS = 200;
  private static final TestCluster CLUSTER = new TestCluster();
  private static ParlorRuntime presence;
  private static ParlorRuntime gatewayNode;

  @BeforeAll
  static void start() throws Exception {
    presence = CLUSTER.start(new JsonObject().put("presence.gateway-timeout-ms", GATEWAY_TIMEOUT_MS)
      .put("presence.reap-interval-ms", REAP_INTERVAL_MS), new PresenceService());
    gatewayNode = CLUSTER.start();
    new TestGateway(gatewayNode.vertx(), "warm-up").awaitPresenceReachable();
  }

  @AfterAll
  static void stop() {
    CLUSTER.close();
  }

  private static DiffProbe probe(String room) throws Exception {
    return new DiffProbe(gatewayNode.vertx(), room).awaitReady(presence.vertx());
  }

  @Test
  void usersOfASilentGatewayLeaveEveryRoomWithinTheBound() throws Exception {
    TestGateway dying = new TestGateway(gatewayNode.vertx(), "gw-dying-" + Ids.random(6));
    TestGateway alive = new TestGateway(gatewayNode.vertx(), "gw-alive-" + Ids.random(6));
    long[] lastBeat = {0};
    long dyingBeats = gatewayNode.vertx().setPeriodic(0, 250, id -> {
      dying.heartbeat();
      lastBeat[0] = System.nanoTime();
    });
    long aliveBeats = gatewayNode.vertx().setPeriodic(0, 250, id -> alive.heartbeat());
    String map = "map-" + Ids.random(8);
    String lobby = "lobby-" + Ids.random(8);
    Caller ghost = dying.caller("ghost-" + Ids.random(6), "s-" + Ids.random(6));
    Caller ghostOtherTab = dying.caller(ghost.userId(), "s-" + Ids.random(6));
    Caller survivor = alive.caller("survivor-" + Ids.random(6), "s-" + Ids.random(6));
    try (DiffProbe mapProbe = probe(map); DiffProbe lobbyProbe = probe(lobby)) {
      dying.set(ghost, new JsonObject().put("room", map));
      dying.set(ghostOtherTab, new JsonObject().put("room", map));
      dying.set(ghost, new JsonObject().put("room", lobby));
      alive.set(survivor, new JsonObject().put("room", map));
      awaitMembers(mapProbe, 2);
      awaitMembers(lobbyProbe, 1);

      gatewayNode.vertx().cancelTimer(dyingBeats);
      long silentSince = lastBeat[0];
      DiffProbe.Received mapLeft = mapProbe.next(GATEWAY_TIMEOUT_MS + 3_000);
      DiffProbe.Received lobbyLeft = lobbyProbe.next(GATEWAY_TIMEOUT_MS + 3_000);
      assertEquals(new PresenceDiff(List.of(), List.of(), List.of(ghost.userId())), mapLeft.diff());
      assertEquals(new PresenceDiff(List.of(), List.of(), List.of(ghost.userId())), lobbyLeft.diff());
      long afterMs = (Math.max(mapLeft.atNanos(), lobbyLeft.atNanos()) - silentSince) / 1_000_000;
      assertTrue(afterMs >= GATEWAY_TIMEOUT_MS - 300, "left only once the gateway was silent long enough: " + afterMs);
      assertTrue(afterMs <= GATEWAY_TIMEOUT_MS + 2 * REAP_INTERVAL_MS + 1_000, "left within the bound: " + afterMs);
      assertEquals(Set.of(survivor.userId()), userIds(alive.snapshot(map)));
    } finally {
      gatewayNode.vertx().cancelTimer(aliveBeats);
    }
  }

  @Test
  void aClosedSessionLeavesEveryRoomWithinTwoSeconds() throws Exception {
    TestGateway gateway = new TestGateway(gatewayNode.vertx(), "gw-" + Ids.random(6));
    long beats = gatewayNode.vertx().setPeriodic(0, 250, id -> gateway.heartbeat());
    String game = "game:" + Ids.random(8);
    String map = "map-" + Ids.random(8);
    Caller tab = gateway.caller("hana-" + Ids.random(6), "s-" + Ids.random(6));
    Caller otherTab = gateway.caller(tab.userId(), "s-" + Ids.random(6));
    Caller ivan = gateway.caller("ivan-" + Ids.random(6), "s-" + Ids.random(6));
    try (DiffProbe gameProbe = probe(game); DiffProbe mapProbe = probe(map)) {
      gateway.set(tab, new JsonObject().put("room", game));
      gateway.set(tab, new JsonObject().put("room", map));
      gateway.set(otherTab, new JsonObject().put("room", map));
      awaitMembers(gameProbe, 1);
      awaitMembers(mapProbe, 1);

      long closedAt = System.nanoTime();
      gateway.sessionClosed(tab, true);
      DiffProbe.Received left = gameProbe.next(2_000);
      assertEquals(List.of(tab.userId()), left.diff().left());
      assertTrue((left.atNanos() - closedAt) / 1_000_000 < 2_000);

      // The other tab still holds Hana on the map: the next map diff is Ivan's arrival, not her departure.
      gateway.set(ivan, new JsonObject().put("room", map));
      assertEquals(List.of(ivan.userId()), mapProbe.nextDiff().joined().stream().map(m -> m.userId()).toList());
      assertEquals(Set.of(tab.userId(), ivan.userId()), userIds(gateway.snapshot(map)));
    } finally {
      gatewayNode.vertx().cancelTimer(beats);
    }
  }

  @Test
  void aClosedSessionCannotComeBack() throws Exception {
    TestGateway gateway = new TestGateway(gatewayNode.vertx(), "gw-" + Ids.random(6));
    String room = "lobby-" + Ids.random(8);
    Caller late = gateway.caller("jo-" + Ids.random(6), "s-" + Ids.random(6));
    try (DiffProbe probe = probe(room)) {
      gateway.set(late, new JsonObject().put("room", room));
      awaitMembers(probe, 1);
      gateway.sessionClosed(late, false);
      assertEquals(List.of(late.userId()), probe.nextDiff().left());
      assertEquals(ErrorCode.FORBIDDEN.failureCode(),
        gateway.failureOf(Addresses.Presence.SET, new JsonObject().put("room", room), late));
      assertEquals(Set.of(), userIds(gateway.snapshot(room)));
    }
  }

  @Test
  void aSessionThatNeverSentAPresenceOpClosesWithoutAnyPresenceWork() throws Exception {
    TestGateway gateway = new TestGateway(gatewayNode.vertx(), "gw-" + Ids.random(6));
    String room = "lobby-" + Ids.random(8);
    Caller viewer = gateway.caller("vi-" + Ids.random(6), "s-" + Ids.random(6));
    Caller other = gateway.caller("ot-" + Ids.random(6), "s-" + Ids.random(6));
    try (DiffProbe probe = probe(room)) {
      gateway.sessionClosedWithoutPresence(viewer);
      gateway.sessionClosed(other, false);
      // Events from one publisher arrive in order: once the second close is recorded, the first was handled.
      long deadline = System.nanoTime() + 5_000_000_000L;
      String elsewhere = "lobby-" + Ids.random(8);
      while (true) {
        try {
          gateway.set(other, new JsonObject().put("room", elsewhere));
        } catch (ReplyException e) {
          assertEquals(ErrorCode.FORBIDDEN.failureCode(), e.failureCode());
          break;
        }
        assertTrue(System.nanoTime() < deadline, "the ordinary close was never recorded");
        Thread.sleep(20);
      }
      // Had the first close been recorded like the second, this set would be refused as coming from a closed session.
      gateway.set(viewer, new JsonObject().put("room", room));
      assertEquals(List.of(viewer.userId()), probe.nextDiff().joined().stream().map(m -> m.userId()).toList());
    }
  }

  @Test
  void changesLeftByAKilledPresenceInstanceAreStillPublished() throws Exception {
    String room = "map-" + Ids.random(8);
    Caller nia = new Caller("nia-" + Ids.random(6), "Nia", "s-" + Ids.random(8), null);
    // What an instance killed right after a change leaves behind: the change logged, the room vouched for once,
    // and no ticker ever again.
    Redis redis = Redis.createClient(gatewayNode.vertx(), TestRedis.url());
    PresenceStore killed = new RedisPresenceStore(redis);
    try (DiffProbe probe = probe(room)) {
      TestGateway.await(killed.set(nia, new PresenceUpdate(room, true, "left behind", false, null)));
      TestGateway.await(killed.roomsTicked(List.of(room), System.currentTimeMillis()));
      PresenceDiff diff = probe.next(3 * REAP_INTERVAL_MS + 3_000).diff();
      assertEquals(List.of(nia.userId()), diff.joined().stream().map(m -> m.userId()).toList());
      assertEquals("left behind", diff.joined().get(0).status());
    } finally {
      TestGateway.await(redis.close());
    }
  }

  private static void awaitMembers(DiffProbe probe, int joined) throws InterruptedException {
    int seen = 0;
    while (seen < joined) {
      seen += probe.nextDiff().joined().size();
    }
  }

  private static Set<String> userIds(JsonObject snapshot) {
    return snapshot.getJsonArray("members").stream().map(m -> ((JsonObject) m).getString("userId"))
      .collect(Collectors.toSet());
  }
}
