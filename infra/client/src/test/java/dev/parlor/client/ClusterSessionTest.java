package dev.parlor.client;

import static dev.parlor.client.FakeGatewayTest.assertFails;
import static dev.parlor.client.FakeGatewayTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.presence.PresenceService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against a real gateway, game-service and presence-service, each its own clustered node. */
class ClusterSessionTest {

  private static final TestCluster cluster = new TestCluster();
  private static Vertx vertx;
  private static String url;

  @BeforeAll
  static void startNodes() throws Exception {
    ParlorRuntime gateway = cluster.start(new GatewayService());
    cluster.start(new GameService());
    cluster.start(new PresenceService());
    url = "http://127.0.0.1:" + gateway.port("gateway.http");
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopNodes() {
    vertx.close();
    cluster.close();
  }

  private static ParlorClient client(Transport transport) throws Exception {
    return await(ParlorClient.create(vertx, ClientOptions.of(url).withTransport(transport).withBackoff(20, 200), 2));
  }

  private static Session signedIn(ParlorClient client, String name, SessionListener listener) throws Exception {
    Guest guest = await(client.createGuest(name));
    assertEquals(name, guest.name());
    Session session = client.session(guest, listener);
    JsonObject welcome = await(session.connect());
    assertEquals(guest.userId(), welcome.getString("userId"));
    return session;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aGuestIsWelcomedAndItsOpsAreAnsweredOrRefusedWithTheirCode(Transport transport) throws Exception {
    ParlorClient client = client(transport);
    Session alice = signedIn(client, "Alice", null);
    assertEquals(new JsonObject(), await(alice.request("ping", null)));
    ClientError refused = assertFails(alice.request("game.create", new JsonObject().put("kind", "chess")
      .put("visibility", "public")));
    assertEquals("invalid_args", refused.code());
    assertEquals("invalid_args", assertFails(client.createGuest("  ")).code(), "REST errors keep their code");
    alice.close();
    assertEquals(ClientError.CLOSED, assertFails(alice.request("ping", null)).code());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aDroppedPlayerResumesTheGameTopicWithEveryMoveOnceAndInOrder(Transport transport) throws Exception {
    ParlorClient client = client(transport);
    BlockingQueue<String> resumed = new LinkedBlockingQueue<>();
    Session alice = signedIn(client, "Alice", resumesInto(resumed));
    Session bob = signedIn(client, "Bob", null);
    JsonObject created = await(alice.request("game.create", new JsonObject().put("kind", "tictactoe")
      .put("visibility", "private")));
    String gameId = created.getJsonObject("game").getString("gameId");
    String topic = "game:" + gameId;
    BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    await(alice.subscribe(topic, created.getLong("offset"), event -> arrivals.add(event.offset())));
    await(bob.request("game.join", new JsonObject().put("inviteCode",
      created.getJsonObject("game").getString("inviteCode"))));
    assertEquals(2L, arrivals.poll(5, TimeUnit.SECONDS));

    await(alice.request("game.move", move(gameId, 4)));
    assertEquals("not_your_turn", assertFails(alice.request("game.move", move(gameId, 0))).code());
    alice.dropConnection();
    // Bob moves while Alice is away or coming back: she must get it exactly once either way.
    await(bob.request("game.move", move(gameId, 0)));
    List<String> resumes = List.of(resumed.poll(5, TimeUnit.SECONDS), resumed.poll(5, TimeUnit.SECONDS));
    assertTrue(resumes.contains(topic + " true"), "resumed from her offset: " + resumes);
    assertTrue(resumes.contains("user:" + alice.guest().userId() + " true"), "and her user topic: " + resumes);
    await(alice.request("game.move", move(gameId, 8)));
    List<Long> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.add(arrivals.poll(5, TimeUnit.SECONDS));
    }
    assertEquals(List.of(3L, 4L, 5L), seen);
    assertEquals(null, arrivals.poll(200, TimeUnit.MILLISECONDS), "nothing twice");
    assertEquals(0, client.stats().gaps() + client.stats().duplicates());
    assertTrue(client.stats().reconnects() >= 1);
    alice.close();
    bob.close();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aSubscribeTheConnectionLostBeforeItsAnswerResumesFromTheOffsetItAskedFor(Transport transport)
      throws Exception {
    ParlorClient client = client(transport);
    BlockingQueue<String> resumed = new LinkedBlockingQueue<>();
    Session alice = signedIn(client, "Alice", resumesInto(resumed));
    Session bob = signedIn(client, "Bob", null);
    JsonObject created = await(alice.request("game.create", new JsonObject().put("kind", "tictactoe")
      .put("visibility", "private")));
    String topic = "game:" + created.getJsonObject("game").getString("gameId");
    BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    alice.dropConnection();
    // Asked while the connection is down: the request fails, the topic stays followed from offset 1.
    assertEquals(ClientError.DISCONNECTED, assertFails(alice.subscribe(topic, created.getLong("offset"),
      event -> arrivals.add(event.offset()))).code());
    await(bob.request("game.join", new JsonObject().put("inviteCode",
      created.getJsonObject("game").getString("inviteCode"))));
    assertEquals(2L, arrivals.poll(10, TimeUnit.SECONDS), "the join, replayed from offset 1 after the reconnect");
    List<String> resumes = List.of(resumed.poll(5, TimeUnit.SECONDS), resumed.poll(5, TimeUnit.SECONDS));
    assertTrue(resumes.contains(topic + " true"), "resumed from the offset asked for: " + resumes);
    alice.close();
    bob.close();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aPresenceUpdateReachesAViewerOfTheRoom(Transport transport) throws Exception {
    ParlorClient client = client(transport);
    Session viewer = signedIn(client, "Viewer", null);
    Session walker = signedIn(client, "Walker", null);
    String room = "map:test-" + transport;
    BlockingQueue<JsonObject> diffs = new LinkedBlockingQueue<>();
    JsonObject reply = await(viewer.subscribe("presence:" + room, null, e -> diffs.add(e.data())));
    assertTrue(reply.getJsonObject("snapshot").containsKey("members"));
    await(walker.request("presence.set", new JsonObject().put("room", room)
      .put("location", new JsonObject().put("lat", 48.85).put("lon", 2.35))));
    JsonObject diff = diffs.poll(5, TimeUnit.SECONDS);
    assertEquals(walker.guest().userId(), diff.getJsonArray("joined").getJsonObject(0).getString("userId"));
    assertFalse(diff.getJsonArray("joined").getJsonObject(0).getJsonObject("location").isEmpty());
    viewer.close();
    walker.close();
  }

  /** A listener that records each resume as {@code "<topic> <recovered>"}. */
  private static SessionListener resumesInto(BlockingQueue<String> resumed) {
    return new SessionListener() {
      @Override
      public void resumed(String topic, boolean recovered, JsonObject reply) {
        resumed.add(topic + " " + recovered);
      }
    };
  }

  private static JsonObject move(String gameId, int cell) {
    return new JsonObject().put("gameId", gameId).put("move", new JsonObject().put("cell", cell));
  }
}
