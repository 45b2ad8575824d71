package dev.parlor.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.gateway.topics.RedisUserTopicLog;
import dev.parlor.testkit.WsClient;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Topics: authorization, snapshots, live events, and the durable guarantees (order, no gaps, no repeats, since). */
class TopicsConformanceTest {

  private static final long TAIL_CHECK_MS = 250;
  private static final long TAIL_WATCH_MS = 2_500;
  private static GatewayNodeFixture gateway;
  private TestServices services;
  private GatewayNodeFixture.Session alice;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayNodeFixture(new JsonObject().put("gateway.user-topic.history", 5)
      .put("gateway.topic.tail-check-ms", TAIL_CHECK_MS).put("gateway.topic.tail-watch-ms", TAIL_WATCH_MS));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void connect() throws Exception {
    services = new TestServices(gateway.node.vertx());
    alice = gateway.connect("Alice");
  }

  @AfterEach
  void disconnect() {
    alice.client().close();
    services.close();
  }

  private long userPublish(String userId, String event, JsonObject data) throws Exception {
    return gateway.node.vertx().eventBus().<JsonObject>request(Addresses.Gateway.USER_PUBLISH,
        new JsonObject().put("userId", userId).put("event", event).put("data", data),
        new DeliveryOptions().setSendTimeout(5_000))
      .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body().getLong("offset");
  }

  private static JsonObject nextEvent(WsClient client) throws InterruptedException {
    JsonObject frame = client.next();
    assertEquals("event", frame.getString("type"), frame.encode());
    return frame;
  }

  /** A ping round trip: every frame the gateway had queued for the client before it has been read. */
  private static void settle(WsClient client) throws InterruptedException {
    client.send(new JsonObject().put("type", "ping").put("id", "settle"));
    JsonObject frame = client.next();
    assertEquals("settle", frame.getString("re"), "unexpected frame " + frame.encode());
  }

  @Test
  void userPublishReachesOnlyThatUserWithOffsets() throws Exception {
    GatewayNodeFixture.Session bob = gateway.connect("Bob");
    assertEquals(1, userPublish(alice.userId(), "game.matched", new JsonObject().put("n", 1)));
    JsonObject event = nextEvent(alice.client());
    assertEquals("user:" + alice.userId(), event.getString("topic"));
    assertEquals("game.matched", event.getString("event"));
    assertEquals(new JsonObject().put("n", 1), event.getJsonObject("data"));
    assertEquals(1, event.getLong("offset"));
    assertEquals(2, userPublish(alice.userId(), "thumbnail.ready", new JsonObject()));
    assertEquals(2, nextEvent(alice.client()).getLong("offset"));
    settle(bob.client());
    bob.client().close();
  }

  @Test
  void anEventStoredButNeverDeliveredLiveStillReachesANewSession() throws Exception {
    Thread.sleep(500); // the welcome's own replay is long done: only a later look at the log can deliver it
    long offset = appendUnpublished(alice.userId(), new JsonObject().put("lost", true));
    JsonObject event = nextEvent(alice.client());
    assertEquals(offset, event.getLong("offset"));
    assertEquals(new JsonObject().put("lost", true), event.getJsonObject("data"));
    settle(alice.client());
  }

  @Test
  void anEventLostAfterLiveOnesOnAnOldFeedStillArrives() throws Exception {
    Thread.sleep(TAIL_WATCH_MS + 500); // the feed is no longer new: only its activity keeps it checked
    long live = userPublish(alice.userId(), "game.matched", new JsonObject().put("n", 1));
    assertEquals(live, nextEvent(alice.client()).getLong("offset"));
    long lost = appendUnpublished(alice.userId(), new JsonObject().put("n", 2));
    JsonObject event = nextEvent(alice.client());
    assertEquals(lost, event.getLong("offset"));
    assertEquals(new JsonObject().put("n", 2), event.getJsonObject("data"));
    assertEquals(lost + 1, userPublish(alice.userId(), "game.matched", new JsonObject().put("n", 3)));
    assertEquals(lost + 1, nextEvent(alice.client()).getLong("offset"), "and nothing twice");
    settle(alice.client());
  }

  /**
   * Stores an event in a user topic and publishes nothing, as if its publication had gone to a view of the cluster
   * without this gateway's consumer.
   */
  private long appendUnpublished(String userId, JsonObject data) throws Exception {
    return gateway.onRedis(redis -> new RedisUserTopicLog(redis, 5, 3_600).append(userId, "thumbnail.ready", data));
  }

  @Test
  void aSessionWhoseUserTopicIsAlreadyLiveReadsTheLogOnceAndMissesNothing() throws Exception {
    // Alice's first session reads the log again once her feed is registered: let that be done, so that only the
    // second session's reads are counted.
    Thread.sleep(500);
    long before = scriptRuns();
    WsClient second = WsClient.connect(gateway.clients, gateway.port);
    JsonObject welcome = second.hello(alice.token());
    assertEquals("welcome", welcome.getString("type"), welcome.encode());
    settle(second);
    assertEquals(1, scriptRuns() - before,
      "the head for the welcome only: Alice's feed was live before it was read, so nothing is replayed after it");
    long offset = userPublish(alice.userId(), "game.matched", new JsonObject().put("n", 1));
    assertEquals(offset, nextEvent(second).getLong("offset"));
    assertEquals(offset, nextEvent(alice.client()).getLong("offset"));
    settle(second);
    second.close();
  }

  @Test
  void resumingTheUserTopicFromTheWelcomesOffsetIsAnsweredWithoutReadingTheLog() throws Exception {
    String userId = alice.userId();
    userPublish(userId, "thumbnail.ready", new JsonObject().put("n", 1));
    assertEquals(1, nextEvent(alice.client()).getLong("offset"));
    alice.client().close();
    WsClient again = WsClient.connect(gateway.clients, gateway.port);
    JsonObject welcome = again.hello(alice.token());
    String epoch = welcome.getJsonObject("user").getString("epoch");
    settle(again);
    long before = scriptRuns();
    JsonObject reply = again.request("subscribe", new JsonObject().put("topic", "user:" + userId).put("since", 1)
      .put("epoch", epoch));
    assertEquals(new JsonObject().put("topic", "user:" + userId).put("snapshot", new JsonObject()).put("offset", 1)
      .put("epoch", epoch).put("recovered", true), reply.getJsonObject("result"));
    assertEquals(0, scriptRuns() - before, "the session already follows the topic live from offset 1");
    // From another epoch, or from before the welcome, the log is read as before.
    JsonObject otherEpoch = again.request("subscribe", new JsonObject().put("topic", "user:" + userId).put("since", 1)
      .put("epoch", "not-" + epoch));
    assertFalse(otherEpoch.getJsonObject("result").getBoolean("recovered"));
    assertEquals(1, scriptRuns() - before);
    assertEquals(2, userPublish(userId, "thumbnail.ready", new JsonObject().put("n", 2)));
    assertEquals(2, nextEvent(again).getLong("offset"));
    settle(again);
    again.close();
  }

  /** How many Lua scripts the test Redis has run (the user topic log is the gateway's only user of them). */
  private long scriptRuns() throws Exception {
    String stats = gateway.onRedis(redis -> redis.send(Request.cmd(Command.INFO).arg("commandstats"))).toString();
    Matcher calls = Pattern.compile("cmdstat_(?:eval|evalsha):calls=(\\d+)").matcher(stats);
    long runs = 0;
    while (calls.find()) {
      runs += Long.parseLong(calls.group(1));
    }
    return runs;
  }

  @Test
  void userPublishRejectsMalformedRequests() throws Exception {
    for (JsonObject body : List.of(new JsonObject(), new JsonObject().put("userId", "u1"),
      new JsonObject().put("userId", "bad id").put("event", "x"),
      new JsonObject().put("userId", "u1").put("event", "x").put("data", "text"))) {
      Throwable failure = gateway.node.vertx().eventBus().request(Addresses.Gateway.USER_PUBLISH, body)
        .toCompletionStage().toCompletableFuture().handle((ok, e) -> e).get(10, TimeUnit.SECONDS);
      Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
      assertEquals(ErrorCode.INVALID_ARGS.failureCode(),
        ((io.vertx.core.eventbus.ReplyException) cause).failureCode(), body.encode());
    }
  }

  @Test
  void subscribeChecksShapeThenAuthorization() throws Exception {
    for (Object topic : new Object[] {null, 5, "", "foo", "game:", "user:", "presence:", "presence:bad room",
      "presence:" + "r".repeat(65), "game:bad/id", "lobby:x"}) {
      JsonObject args = new JsonObject().put("topic", topic);
      assertEquals("invalid_args", alice.client().request("subscribe", args).getString("code"), "" + topic);
      assertEquals("invalid_args", alice.client().request("unsubscribe", args).getString("code"), "" + topic);
    }
    for (Object since : new Object[] {-1, 1.5, "3", new JsonArray()}) {
      JsonObject error = alice.client().request("subscribe", new JsonObject().put("topic", "user:someoneElse")
        .put("since", since));
      assertEquals("invalid_args", error.getString("code"), "shape errors come first: " + since);
    }
    assertEquals("invalid_args", alice.client().request("subscribe", new JsonObject()
      .put("topic", "user:" + alice.userId()).put("since", 0).put("epoch", 12)).getString("code"));
    JsonObject forbidden = alice.client().request("subscribe", new JsonObject().put("topic", "user:someoneElse"));
    assertEquals("forbidden", forbidden.getString("code"));
    settle(alice.client());
  }

  @Test
  void resubscribingWithSinceReplaysWhatWasMissedOnce() throws Exception {
    String userId = alice.userId();
    alice.client().close();
    for (int i = 1; i <= 3; i++) {
      userPublish(userId, "thumbnail.ready", new JsonObject().put("n", i));
    }
    WsClient again = WsClient.connect(gateway.clients, gateway.port);
    JsonObject welcome = again.hello(alice.token());
    assertEquals(3, welcome.getJsonObject("user").getLong("offset"));
    String epoch = welcome.getJsonObject("user").getString("epoch");
    JsonObject reply = again.request("subscribe", new JsonObject().put("topic", "user:" + userId).put("since", 1)
      .put("epoch", epoch));
    assertEquals(new JsonObject().put("topic", "user:" + userId).put("snapshot", new JsonObject()).put("offset", 3)
      .put("epoch", epoch).put("recovered", true), reply.getJsonObject("result"));
    assertEquals(2, nextEvent(again).getLong("offset"));
    assertEquals(3, nextEvent(again).getLong("offset"));
    userPublish(userId, "thumbnail.ready", new JsonObject());
    assertEquals(4, nextEvent(again).getLong("offset"));
    // Asking again from 0: a fresh snapshot, event 1 (never delivered here) but not 2-4 again.
    JsonObject again2 = again.request("subscribe", new JsonObject().put("topic", "user:" + userId).put("since", 0));
    assertTrue(again2.getJsonObject("result").getBoolean("recovered"));
    assertEquals(1, nextEvent(again).getLong("offset"));
    userPublish(userId, "thumbnail.ready", new JsonObject());
    assertEquals(5, nextEvent(again).getLong("offset"));
    settle(again);
    again.close();
  }

  @Test
  void unrecoverableSinceSaysRecoveredFalseAndReplaysNothing() throws Exception {
    String topic = "user:" + alice.userId();
    for (int i = 1; i <= 8; i++) {
      userPublish(alice.userId(), "thumbnail.ready", new JsonObject().put("n", i));
      assertEquals(i, nextEvent(alice.client()).getLong("offset"));
    }
    String epoch = alice.welcome().getJsonObject("user").getString("epoch");
    // History keeps 5 events (4-8): from 1 it is trimmed; from 3 it is complete.
    JsonObject trimmed = alice.client().request("subscribe", new JsonObject().put("topic", topic).put("since", 1));
    assertFalse(trimmed.getJsonObject("result").getBoolean("recovered"));
    assertEquals(8, trimmed.getJsonObject("result").getLong("offset"));
    JsonObject beyond = alice.client().request("subscribe", new JsonObject().put("topic", topic).put("since", 9));
    assertFalse(beyond.getJsonObject("result").getBoolean("recovered"));
    JsonObject otherEpoch = alice.client().request("subscribe", new JsonObject().put("topic", topic).put("since", 7)
      .put("epoch", "not-" + epoch));
    assertFalse(otherEpoch.getJsonObject("result").getBoolean("recovered"));
    JsonObject current = alice.client().request("subscribe", new JsonObject().put("topic", topic).put("since", 8));
    assertTrue(current.getJsonObject("result").getBoolean("recovered"));
    JsonObject complete = alice.client().request("subscribe", new JsonObject().put("topic", topic).put("since", 3));
    assertTrue(complete.getJsonObject("result").getBoolean("recovered"));
    settle(alice.client());
  }

  @Test
  void lobbySnapshotThenEventsUntilUnsubscribed() throws Exception {
    JsonArray games = new JsonArray().add(new JsonObject().put("gameId", "g1").put("kind", "tictactoe"));
    services.serve(Addresses.Game.LOBBY, r -> new JsonObject().put("games", games));
    JsonObject reply = alice.client().request("subscribe", new JsonObject().put("topic", "lobby").put("since", 4));
    assertEquals(new JsonObject().put("topic", "lobby").put("snapshot", new JsonObject().put("games", games)),
      reply.getJsonObject("result"));
    gateway.node.vertx().eventBus().publish(Addresses.Topics.LOBBY, new JsonObject().put("event", "lobby.closed")
      .put("data", new JsonObject().put("gameId", "g1")));
    JsonObject event = nextEvent(alice.client());
    assertEquals(new JsonObject().put("type", "event").put("topic", "lobby").put("event", "lobby.closed")
      .put("data", new JsonObject().put("gameId", "g1")), event);
    assertEquals(new JsonObject(), alice.client().request("unsubscribe", new JsonObject().put("topic", "lobby"))
      .getJsonObject("result"));
    gateway.node.vertx().eventBus().publish(Addresses.Topics.LOBBY, new JsonObject().put("event", "lobby.opened")
      .put("data", new JsonObject()));
    userPublish(alice.userId(), "marker", new JsonObject());
    assertEquals("marker", nextEvent(alice.client()).getString("event"));
    assertEquals(new JsonObject(), alice.client().request("unsubscribe", new JsonObject().put("topic", "lobby"))
      .getJsonObject("result"), "unsubscribing twice is harmless");
  }

  @Test
  void presenceSnapshotAndDiffsWithTheCaller() throws Exception {
    BlockingQueue<TestServices.Received> asked = services.serve(Addresses.Presence.SNAPSHOT, r -> new JsonObject()
      .put("members", new JsonArray().add(new JsonObject().put("userId", "u9").put("name", "Nine"))));
    JsonObject reply = alice.client().request("subscribe", new JsonObject().put("topic", "presence:map:paris.1"));
    assertEquals("Nine", reply.getJsonObject("result").getJsonObject("snapshot").getJsonArray("members")
      .getJsonObject(0).getString("name"));
    TestServices.Received request = TestServices.take(asked);
    assertEquals(new JsonObject().put("room", "map:paris.1"), request.body());
    assertEquals(alice.userId(), request.caller().userId());
    JsonObject diff = new JsonObject().put("joined", new JsonArray()).put("updated", new JsonArray())
      .put("left", new JsonArray().add("u9"));
    gateway.node.vertx().eventBus().publish(Addresses.Topics.presence("map:paris.1"),
      new JsonObject().put("event", "presence.diff").put("data", diff));
    JsonObject event = nextEvent(alice.client());
    assertEquals("presence:map:paris.1", event.getString("topic"));
    assertEquals(diff, event.getJsonObject("data"));
    assertFalse(event.containsKey("offset"));
  }

  @Test
  void gameSubscribeFailuresPassThrough() throws Exception {
    services.serve(Addresses.Game.SUBSCRIBE, r -> new TestServices.Failure(
      r.body().getString("gameId").equals("secret") ? ErrorCode.FORBIDDEN.failureCode()
        : ErrorCode.NOT_FOUND.failureCode(), "no"));
    assertEquals("forbidden", alice.client().request("subscribe", new JsonObject().put("topic", "game:secret"))
      .getString("code"));
    assertEquals("not_found", alice.client().request("subscribe", new JsonObject().put("topic", "game:nothing"))
      .getString("code"));
    gateway.node.vertx().eventBus().publish(Addresses.Topics.game("secret"), new JsonObject()
      .put("event", "game.updated").put("data", new JsonObject()).put("offset", 1));
    settle(alice.client());
  }

  @Test
  void gameEventsPublishedDuringSubscribeArriveOnceInOrderAfterTheReply() throws Exception {
    String gameId = "race1";
    String address = Addresses.Topics.game(gameId);
    BlockingQueue<TestServices.Received> asked = services.serve(Addresses.Game.SUBSCRIBE, r -> {
      // Events 1-3 were published while the subscribe was on its way; the snapshot is at 2, replay since 0 gives 1-2.
      for (int i = 1; i <= 3; i++) {
        gateway.node.vertx().eventBus().publish(address, gameEvent(i));
      }
      JsonObject reply = new JsonObject().put("snapshot", new JsonObject().put("game", new JsonObject()
        .put("gameId", gameId))).put("offset", 2).put("epoch", "e1");
      if (r.body().containsKey("since")) {
        reply.put("recovered", true).put("events", new JsonArray().add(gameEvent(1)).add(gameEvent(2)));
      }
      return reply;
    });
    JsonObject reply = alice.client().request("subscribe", new JsonObject().put("topic", "game:" + gameId)
      .put("since", 0).put("epoch", "e1"));
    assertEquals(new JsonObject().put("topic", "game:" + gameId).put("snapshot", new JsonObject().put("game",
      new JsonObject().put("gameId", gameId))).put("offset", 2).put("epoch", "e1").put("recovered", true),
      reply.getJsonObject("result"));
    assertEquals(new JsonObject().put("gameId", gameId).put("since", 0).put("epoch", "e1"),
      TestServices.take(asked).body());
    for (int i = 1; i <= 3; i++) {
      JsonObject event = nextEvent(alice.client());
      assertEquals(i, event.getLong("offset"));
      assertEquals("game:" + gameId, event.getString("topic"));
    }
    gateway.node.vertx().eventBus().publish(address, gameEvent(3));
    gateway.node.vertx().eventBus().publish(address, gameEvent(4));
    assertEquals(4, nextEvent(alice.client()).getLong("offset"));
    // Resubscribing without since: a fresh snapshot, and nothing delivered twice.
    JsonObject again = alice.client().request("subscribe", new JsonObject().put("topic", "game:" + gameId));
    assertNull(again.getJsonObject("result").getValue("recovered"));
    settle(alice.client());
  }

  @Test
  void gapInLiveGameEventsIsFilledFromTheService() throws Exception {
    String gameId = "gap1";
    String address = Addresses.Topics.game(gameId);
    services.serve(Addresses.Game.SUBSCRIBE, r -> {
      long since = r.body().getLong("since", -1L);
      JsonObject reply = new JsonObject().put("snapshot", new JsonObject()).put("epoch", "e1");
      if (since < 0) {
        return reply.put("offset", 0);
      }
      JsonArray events = new JsonArray();
      for (long i = since + 1; i <= 3; i++) {
        events.add(gameEvent(i));
      }
      return reply.put("offset", 3).put("recovered", true).put("events", events);
    });
    alice.client().request("subscribe", new JsonObject().put("topic", "game:" + gameId));
    gateway.node.vertx().eventBus().publish(address, gameEvent(1));
    assertEquals(1, nextEvent(alice.client()).getLong("offset"));
    gateway.node.vertx().eventBus().publish(address, gameEvent(3));
    assertEquals(2, nextEvent(alice.client()).getLong("offset"));
    assertEquals(3, nextEvent(alice.client()).getLong("offset"));
    gateway.node.vertx().eventBus().publish(address, gameEvent(2));
    gateway.node.vertx().eventBus().publish(address, gameEvent(4));
    assertEquals(4, nextEvent(alice.client()).getLong("offset"));
  }

  @Test
  void topicsPerSessionAreCapped() throws Exception {
    services.serve(Addresses.Presence.SNAPSHOT, r -> new JsonObject().put("members", new JsonArray()));
    int cap = 100;
    int followed = 1;
    for (int i = 0; followed < cap; i++, followed++) {
      assertEquals("reply", alice.client().request("subscribe", new JsonObject().put("topic", "presence:r" + i))
        .getString("type"));
    }
    assertEquals("rate_limited", alice.client().request("subscribe", new JsonObject()
      .put("topic", "presence:one-more")).getString("code"));
    assertEquals("reply", alice.client().request("subscribe", new JsonObject().put("topic", "presence:r0"))
      .getString("type"), "a followed topic can still be resubscribed");
  }


  @Test
  void spectatorsResumingAGameFromTheSameOffsetShareOneRequestWhileAPlayerAsksForItsOwnView() throws Exception {
    String gameId = "shared1";
    GatewayNodeFixture.Session bob = gateway.connect("Bob");
    GatewayNodeFixture.Session carol = gateway.connect("Carol");
    GatewayNodeFixture.Session dave = gateway.connect("Dave");
    BlockingQueue<Message<JsonObject>> asked = new LinkedBlockingQueue<>();
    MessageConsumer<JsonObject> service = holdGameSubscribes(asked);
    try {
      Message<JsonObject> first = aliceAsksFirst(gameId, asked);
      for (GatewayNodeFixture.Session late : List.of(bob, carol, dave)) {
        subscribeFrom0(late.client(), gameId, "s");
      }
      for (GatewayNodeFixture.Session late : List.of(bob, carol, dave)) {
        late.client().request("ping", new JsonObject()); // its subscribe was handled before this ping
      }
      assertNull(asked.poll(300, TimeUnit.MILLISECONDS), "the others wait for the answer in flight");
      JsonObject game = new JsonObject().put("gameId", gameId).put("visibility", "public")
        .put("players", new JsonArray().add(player(dave.userId())).add(player("erin")));
      first.reply(resumed(game));
      for (WsClient spectator : List.of(alice.client(), bob.client(), carol.client())) {
        JsonObject reply = spectator.replyTo(spectator == alice.client() ? "a" : "s");
        assertEquals("reply", reply.getString("type"), reply.encode());
        assertEquals(game, reply.getJsonObject("result").getJsonObject("snapshot").getJsonObject("game"));
        assertEquals(true, reply.getJsonObject("result").getBoolean("recovered"));
        assertEquals(1, nextEvent(spectator).getLong("offset"), "the replayed event, to each");
      }
      Message<JsonObject> own = asked.poll(10, TimeUnit.SECONDS);
      assertNotNull(own, "Dave, a player of the game in that answer, is not given a spectator's view");
      assertEquals(dave.userId(), Caller.fromHeaders(own.headers()).userId());
      JsonObject playerView = game.copy().put("inviteCode", "K7Q2");
      own.reply(resumed(playerView));
      assertEquals(playerView, dave.client().replyTo("s").getJsonObject("result").getJsonObject("snapshot")
        .getJsonObject("game"));
      assertNull(asked.poll(300, TimeUnit.MILLISECONDS), "two requests for four subscribes");
    } finally {
      service.unregister();
      for (GatewayNodeFixture.Session s : List.of(bob, carol, dave)) {
        s.client().close();
      }
    }
  }

  @Test
  void aFailedSharedGameSubscribeIsNotPassedOnTheOthersAskAgain() throws Exception {
    String gameId = "shared2";
    GatewayNodeFixture.Session bob = gateway.connect("Bob");
    BlockingQueue<Message<JsonObject>> asked = new LinkedBlockingQueue<>();
    MessageConsumer<JsonObject> service = holdGameSubscribes(asked);
    try {
      Message<JsonObject> first = aliceAsksFirst(gameId, asked);
      subscribeFrom0(bob.client(), gameId, "b");
      bob.client().request("ping", new JsonObject());
      assertNull(asked.poll(300, TimeUnit.MILLISECONDS), "Bob waits for Alice's answer");
      first.fail(ErrorCode.FORBIDDEN.failureCode(), "a private game is for its players");
      assertEquals("forbidden", alice.client().replyTo("a").getString("code"));
      Message<JsonObject> again = asked.poll(10, TimeUnit.SECONDS);
      assertNotNull(again, "a refusal may be Alice's alone: Bob asks for himself");
      assertEquals(bob.userId(), Caller.fromHeaders(again.headers()).userId());
      again.reply(resumed(new JsonObject().put("gameId", gameId).put("visibility", "private")
        .put("players", new JsonArray().add(player(bob.userId())))));
      assertEquals("reply", bob.client().replyTo("b").getString("type"));
    } finally {
      service.unregister();
      bob.client().close();
    }
  }

  /** Stands in for the game-service, holding every subscribe until the test answers it. */
  private static MessageConsumer<JsonObject> holdGameSubscribes(BlockingQueue<Message<JsonObject>> asked)
      throws Exception {
    MessageConsumer<JsonObject> consumer = gateway.node.vertx().eventBus().consumer(Addresses.Game.SUBSCRIBE,
      asked::add);
    consumer.completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return consumer;
  }

  /** Alice subscribes (id "a") from offset 0; answers her request, held by the stand-in game-service. */
  private Message<JsonObject> aliceAsksFirst(String gameId, BlockingQueue<Message<JsonObject>> asked)
      throws InterruptedException {
    subscribeFrom0(alice.client(), gameId, "a");
    Message<JsonObject> first = asked.poll(10, TimeUnit.SECONDS);
    assertNotNull(first, "Alice's subscribe reaches the game-service");
    assertEquals(alice.userId(), Caller.fromHeaders(first.headers()).userId());
    return first;
  }

  private static void subscribeFrom0(WsClient client, String gameId, String id) {
    client.send(new JsonObject().put("type", "subscribe").put("id", id).put("topic", "game:" + gameId)
      .put("since", 0).put("epoch", "e1"));
  }

  private static JsonObject player(String userId) {
    return new JsonObject().put("userId", userId).put("name", userId).put("mark", "X");
  }

  private static JsonObject resumed(JsonObject game) {
    return new JsonObject().put("snapshot", new JsonObject().put("game", game)).put("offset", 1).put("epoch", "e1")
      .put("recovered", true).put("events", new JsonArray().add(gameEvent(1)));
  }

  static JsonObject gameEvent(long offset) {
    return new JsonObject().put("event", "game.updated").put("data", new JsonObject().put("v", offset))
      .put("offset", offset);
  }
}
