package dev.parlor.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.testkit.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every op of the protocol through a real gateway: routing, argument checks, envelope errors, failures, limits. */
class OpsConformanceTest {

  private static GatewayNodeFixture gateway;
  private TestServices services;
  private GatewayNodeFixture.Session alice;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayNodeFixture(new JsonObject().put("eventbus.request-timeout-ms", 1_000));
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

  /** A valid call of every forwarded op, the address it must reach and the exact body the service must get. */
  private static List<Object[]> validCalls() {
    JsonObject location = new JsonObject().put("lat", 48.85).put("lon", 2.35).put("heading", 90.0);
    return List.of(
      new Object[] {"game.create", new JsonObject().put("kind", "tictactoe").put("visibility", "public"),
        Addresses.Game.CREATE},
      new Object[] {"game.join", new JsonObject().put("gameId", "g1"), Addresses.Game.JOIN},
      new Object[] {"game.join", new JsonObject().put("inviteCode", "c0de"), Addresses.Game.JOIN},
      new Object[] {"game.quickmatch", new JsonObject().put("kind", "connect4"), Addresses.Game.QUICKMATCH},
      new Object[] {"game.cancelQuickmatch", new JsonObject().put("kind", "connect4"),
        Addresses.Game.CANCEL_QUICKMATCH},
      new Object[] {"game.move", new JsonObject().put("gameId", "g1").put("move", new JsonObject().put("cell", 4)),
        Addresses.Game.MOVE},
      new Object[] {"game.move", new JsonObject().put("gameId", "g1").put("move", new JsonObject().put("column", 6)),
        Addresses.Game.MOVE},
      new Object[] {"game.resign", new JsonObject().put("gameId", "g1"), Addresses.Game.RESIGN},
      new Object[] {"game.rematch", new JsonObject().put("gameId", "g1"), Addresses.Game.REMATCH},
      new Object[] {"game.claimWin", new JsonObject().put("gameId", "g1"), Addresses.Game.CLAIM_WIN},
      new Object[] {"presence.set", new JsonObject().put("room", "map:paris.1").put("status", "here")
        .put("location", location), Addresses.Presence.SET},
      new Object[] {"presence.set", new JsonObject().put("room", "lobby").put("location", null),
        Addresses.Presence.SET},
      new Object[] {"presence.leave", new JsonObject().put("room", "map:paris.1"), Addresses.Presence.LEAVE});
  }

  @Test
  void everyOpReachesItsAddressWithExactlyItsArgumentsAndTheCaller() throws Exception {
    Map<String, BlockingQueue<TestServices.Received>> stubs = new HashMap<>();
    for (Object[] call : validCalls()) {
      String address = (String) call[2];
      if (!stubs.containsKey(address)) {
        stubs.put(address, services.serve(address, r -> new JsonObject().put("served", address)));
      }
    }
    for (Object[] call : validCalls()) {
      String op = (String) call[0];
      JsonObject args = (JsonObject) call[1];
      JsonObject reply = alice.client().request(op, args.copy().put("extra", "dropped"));
      assertEquals("reply", reply.getString("type"), op + " " + reply);
      assertEquals(new JsonObject().put("served", call[2]), reply.getJsonObject("result"));
      TestServices.Received received = TestServices.take(stubs.get((String) call[2]));
      assertEquals(args, received.body(), op);
      assertEquals(alice.userId(), received.caller().userId());
      assertEquals("Alice", received.caller().name());
      assertEquals(alice.welcome().getString("sessionId"), received.caller().sessionId());
      assertEquals(gateway.node.vertx().isClustered(), received.caller().gatewayId() != null);
    }
  }

  @Test
  void badArgumentsAreInvalidArgsAndNothingIsSent() throws Exception {
    List<BlockingQueue<TestServices.Received>> stubs = new ArrayList<>();
    for (String address : List.of(Addresses.Game.CREATE, Addresses.Game.JOIN, Addresses.Game.QUICKMATCH,
      Addresses.Game.CANCEL_QUICKMATCH, Addresses.Game.MOVE, Addresses.Game.RESIGN, Addresses.Game.REMATCH,
      Addresses.Game.CLAIM_WIN, Addresses.Presence.SET, Addresses.Presence.LEAVE)) {
      stubs.add(services.serve(address, r -> new JsonObject()));
    }
    Object[][] bad = {
      {"game.create", new JsonObject()},
      {"game.create", new JsonObject().put("kind", "chess").put("visibility", "public")},
      {"game.create", new JsonObject().put("kind", "tictactoe").put("visibility", 1)},
      {"game.join", new JsonObject()},
      {"game.join", new JsonObject().put("gameId", "g1").put("inviteCode", "c")},
      {"game.join", new JsonObject().put("gameId", 12)},
      {"game.join", new JsonObject().put("inviteCode", "")},
      {"game.quickmatch", new JsonObject()},
      {"game.quickmatch", new JsonObject().put("kind", 4)},
      {"game.cancelQuickmatch", new JsonObject().put("kind", "go")},
      {"game.move", new JsonObject().put("move", new JsonObject().put("cell", 1))},
      {"game.move", new JsonObject().put("gameId", "g1")},
      {"game.move", new JsonObject().put("gameId", "g1").put("move", "4")},
      {"game.move", new JsonObject().put("gameId", "g1").put("move", new JsonObject())},
      {"game.move", new JsonObject().put("gameId", "g1").put("move", new JsonObject().put("cell", 9))},
      {"game.move", new JsonObject().put("gameId", "g1").put("move", new JsonObject().put("cell", 1.5))},
      {"game.move", new JsonObject().put("gameId", "g1").put("move", new JsonObject().put("column", 7))},
      {"game.move", new JsonObject().put("gameId", "g1").put("move", new JsonObject().put("cell", 1).put("column", 1))},
      {"game.move", new JsonObject().put("gameId", "x".repeat(65)).put("move", new JsonObject().put("cell", 1))},
      {"game.resign", new JsonObject()},
      {"game.rematch", new JsonObject().put("gameId", new JsonArray())},
      {"game.claimWin", new JsonObject().put("gameId", "has space")},
      {"presence.set", new JsonObject()},
      {"presence.set", new JsonObject().put("room", "bad room")},
      {"presence.set", new JsonObject().put("room", "r".repeat(65))},
      {"presence.set", new JsonObject().put("room", "r").put("status", "s".repeat(65))},
      {"presence.set", new JsonObject().put("room", "r").put("status", 3)},
      {"presence.set", new JsonObject().put("room", "r").put("location", new JsonObject().put("lat", 91).put("lon", 0))},
      {"presence.set", new JsonObject().put("room", "r").put("location", new JsonObject().put("lat", 0).put("lon", -181))},
      {"presence.set", new JsonObject().put("room", "r").put("location", new JsonObject().put("lat", 0).put("lon", 0)
        .put("heading", 360))},
      {"presence.set", new JsonObject().put("room", "r").put("location", new JsonObject().put("lat", "0").put("lon", 0))},
      {"presence.set", new JsonObject().put("room", "r").put("location", "here")},
      {"presence.leave", new JsonObject()},
      {"presence.leave", new JsonObject().put("room", 5)},
    };
    for (Object[] call : bad) {
      JsonObject error = alice.client().request((String) call[0], (JsonObject) call[1]);
      assertEquals("invalid_args", error.getString("code"), call[0] + " " + call[1]);
      assertTrue(error.getString("message").length() > 3);
    }
    for (BlockingQueue<TestServices.Received> stub : stubs) {
      assertTrue(stub.isEmpty(), "a service was called with bad arguments: " + stub);
    }
    assertEquals("reply", alice.client().request("ping", new JsonObject()).getString("type"));
  }

  @Test
  void malformedFramesAreBadFrameAndTheConnectionStaysOpen() throws Exception {
    GatewayNodeFixture.Session bob = gateway.connect("Bob");
    String[] frames = {"not json", "{\"type\":", "[]", "[{\"type\":\"ping\"}]", "42", "\"ping\"", "null", "true",
      "{}", "{\"id\":\"a\"}", "{\"type\":5,\"id\":\"a\"}", "{\"type\":null}", "{\"type\":\"ping\",\"id\":\"\"}",
      "{\"type\":\"ping\",\"id\":7}", "{\"type\":\"ping\",\"id\":\"" + "i".repeat(65) + "\"}"};
    for (String text : frames) {
      alice.client().sendText(text);
      JsonObject error = alice.client().next();
      assertEquals("error", error.getString("type"), text);
      assertEquals("bad_frame", error.getString("code"), text);
      assertTrue(error.containsKey("re"));
      assertNull(error.getValue("re"));
    }
    JsonObject ping = alice.client().request("ping", new JsonObject());
    assertEquals("reply", ping.getString("type"));
    String longestId = "i".repeat(64);
    alice.client().send(new JsonObject().put("type", "ping").put("id", longestId));
    assertEquals("reply", alice.client().replyTo(longestId).getString("type"));
    assertEquals("reply", bob.client().request("ping", new JsonObject()).getString("type"));
    bob.client().close();
  }

  @Test
  void unknownOpsAreUnknownOp() throws Exception {
    for (String op : List.of("game.fly", "hello", "welcome", "", "PING")) {
      JsonObject error = alice.client().request(op, new JsonObject());
      assertEquals("unknown_op", error.getString("code"), op);
    }
    assertEquals("reply", alice.client().request("ping", new JsonObject()).getString("type"));
  }

  @Test
  void serviceFailuresArriveAsTheirProtocolCodes() throws Exception {
    BlockingQueue<TestServices.Received> calls = services.serve(Addresses.Game.MOVE, r -> {
      String code = r.body().getString("gameId");
      ErrorCode error = ErrorCode.ofCode(code.replace('-', '_'));
      return new TestServices.Failure(error == null ? 9999 : error.failureCode(), "because " + code);
    });
    for (String code : List.of("not_found", "forbidden", "conflict", "game_over", "not_your_turn", "illegal_move",
      "invalid_args", "unavailable", "rate_limited", "internal")) {
      JsonObject error = alice.client().request("game.move", new JsonObject().put("gameId", code.replace('_', '-'))
        .put("move", new JsonObject().put("cell", 0)));
      assertEquals(code, error.getString("code"));
      assertEquals("because " + code.replace('_', '-'), error.getString("message"));
    }
    JsonObject unknown = alice.client().request("game.move", new JsonObject().put("gameId", "weird")
      .put("move", new JsonObject().put("cell", 0)));
    assertEquals("internal", unknown.getString("code"));
    assertEquals(11, calls.size());
  }

  @Test
  void absentOrSilentServiceIsUnavailable() throws Exception {
    JsonObject none = alice.client().request("game.resign", new JsonObject().put("gameId", "g1"));
    assertEquals("unavailable", none.getString("code"));
    services.serve(Addresses.Game.RESIGN, r -> null);
    long start = System.nanoTime();
    JsonObject silent = alice.client().request("game.resign", new JsonObject().put("gameId", "g1"));
    assertEquals("unavailable", silent.getString("code"));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(900), "answered before the timeout");
  }

  @Test
  void opWithoutIdRunsSilentlyAndReportsFailureWithNullRe() throws Exception {
    BlockingQueue<TestServices.Received> resigns = services.serve(Addresses.Game.RESIGN, r -> new JsonObject()
      .put("offset", 3));
    services.serve(Addresses.Game.REMATCH, r -> new TestServices.Failure(ErrorCode.CONFLICT.failureCode(), "no"));
    alice.client().send(new JsonObject().put("type", "game.resign").put("gameId", "g1"));
    assertEquals("g1", TestServices.take(resigns).body().getString("gameId"));
    alice.client().send(new JsonObject().put("type", "ping").put("id", "after"));
    assertEquals("after", alice.client().next().getString("re"), "no reply for an op without id");
    alice.client().send(new JsonObject().put("type", "game.rematch").put("gameId", "g1"));
    JsonObject error = alice.client().next();
    assertEquals("conflict", error.getString("code"));
    assertTrue(error.containsKey("re"));
    assertNull(error.getValue("re"));
  }

  @Test
  void floodGetsRateLimitedWithExactlyOneAnswerPerOp() throws Exception {
    GatewayNodeFixture.Session bob = gateway.connect("Bob");
    int count = 400;
    for (int i = 0; i < count; i++) {
      alice.client().send(new JsonObject().put("type", "ping").put("id", "f" + i));
    }
    Map<String, String> answers = new HashMap<>();
    while (answers.size() < count) {
      JsonObject frame = alice.client().next();
      String previous = answers.put(frame.getString("re"), frame.getString("type").equals("reply") ? "ok"
        : frame.getString("code"));
      assertNull(previous, "two answers for " + frame.getString("re"));
    }
    long refused = answers.values().stream().filter("rate_limited"::equals).count();
    long served = answers.values().stream().filter("ok"::equals).count();
    assertEquals(count, refused + served);
    assertTrue(served >= 100 && served < 200, "served " + served);
    assertTrue(refused >= 200, "refused " + refused);
    assertEquals("reply", bob.client().request("ping", new JsonObject()).getString("type"));
    Thread.sleep(1_100);
    assertEquals("reply", alice.client().request("ping", new JsonObject()).getString("type"));
    bob.client().close();
  }

  @Test
  void presenceUpdatesAboveTheSendRateAreCoalescedLatestWins() throws Exception {
    BlockingQueue<TestServices.Received> sets = services.serve(Addresses.Presence.SET, r -> new JsonObject());
    int count = 60;
    for (int i = 0; i < count; i++) {
      alice.client().send(new JsonObject().put("type", "presence.set").put("id", "s" + i).put("room", "r1")
        .put("status", "s" + i));
    }
    for (JsonObject reply : answers(alice.client(), count).values()) {
      assertEquals("reply", reply.getString("type"), reply.encode());
      assertEquals(new JsonObject(), reply.getJsonObject("result"));
    }
    String last = null;
    long deadline = System.currentTimeMillis() + 5_000;
    int received = 0;
    while (!("s" + (count - 1)).equals(last) && System.currentTimeMillis() < deadline) {
      TestServices.Received set = sets.poll(5, TimeUnit.SECONDS);
      if (set == null) {
        break;
      }
      received++;
      last = set.body().getString("status");
    }
    assertEquals("s" + (count - 1), last, "the latest update must win");
    assertTrue(received < count, "nothing was coalesced: " + received);
  }

  @Test
  void presenceUpdatesBeyondTheRefuseRateAreRateLimited() throws Exception {
    services.serve(Addresses.Presence.SET, r -> new JsonObject());
    int count = 300;
    for (int i = 0; i < count; i++) {
      alice.client().send(new JsonObject().put("type", "presence.set").put("id", "p" + i).put("room", "r2"));
    }
    long refused = answers(alice.client(), count).values().stream()
      .filter(answer -> "rate_limited".equals(answer.getString("code"))).count();
    assertTrue(refused >= 50 && refused <= 110, "refused " + refused);
  }

  @Test
  void messagesOverTheLimitAreTooLargeAndClose1009() throws Exception {
    String exact = padded(65_536, "a");
    alice.client().sendText(exact);
    assertEquals("reply", alice.client().replyTo("big").getString("type"));
    // 2-byte characters: fewer than 64 Ki characters but more than 64 KiB.
    String multibyte = padded(65_538, "é");
    assertTrue(multibyte.length() < 65_536);
    GatewayNodeFixture.Session bob = gateway.connect("Bob");
    alice.client().sendText(multibyte);
    JsonObject error = alice.client().next();
    assertEquals("too_large", error.getString("code"));
    assertEquals((short) 1009, alice.client().awaitClose());
    assertEquals("reply", bob.client().request("ping", new JsonObject()).getString("type"));
    bob.client().close();
  }

  @Test
  void fragmentedMessageIsMeasuredWhole() throws Exception {
    WsClient raw = WsClient.connect(gateway.clients, gateway.port);
    raw.hello(alice.token());
    raw.close();
    io.vertx.core.http.WebSocketClient client = gateway.clients.createWebSocketClient();
    io.vertx.core.http.WebSocket socket = client.connect(gateway.port, "127.0.0.1", "/ws").toCompletionStage()
      .toCompletableFuture().get(10, TimeUnit.SECONDS);
    BlockingQueue<JsonObject> frames = new java.util.concurrent.LinkedBlockingQueue<>();
    java.util.concurrent.CompletableFuture<Short> closed = new java.util.concurrent.CompletableFuture<>();
    socket.textMessageHandler(t -> frames.add(new JsonObject(t)));
    socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
    socket.writeTextMessage(new JsonObject().put("type", "hello").put("token", alice.token()).encode());
    assertEquals("welcome", TestServices.take(frames).getString("type"));
    String chunk = "x".repeat(40_000);
    socket.writeFrame(io.vertx.core.http.WebSocketFrame.textFrame("{\"type\":\"ping\",\"id\":\"f\",\"p\":\"" + chunk,
      false));
    socket.writeFrame(io.vertx.core.http.WebSocketFrame.continuationFrame(io.vertx.core.buffer.Buffer.buffer(chunk
      + "\"}"), true));
    assertEquals("too_large", TestServices.take(frames).getString("code"));
    assertEquals((short) 1009, closed.get(10, TimeUnit.SECONDS));
    client.close();
  }

  /** The next {@code count} answers, by the id they answer; fails on a second answer to one id. */
  static Map<String, JsonObject> answers(WsClient client, int count) throws InterruptedException {
    Map<String, JsonObject> answers = new HashMap<>();
    while (answers.size() < count) {
      JsonObject frame = client.next();
      if (frame.getString("type").equals("event")) {
        continue;
      }
      assertNull(answers.put(frame.getString("re"), frame), "two answers for " + frame.getString("re"));
    }
    return answers;
  }

  /** A ping frame with id "big" padded to exactly {@code bytes} UTF-8 bytes with {@code unit}. */
  static String padded(int bytes, String unit) {
    String head = "{\"type\":\"ping\",\"id\":\"big\",\"pad\":\"";
    String tail = "\"}";
    int unitBytes = unit.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    int room = bytes - head.length() - tail.length();
    return head + unit.repeat(room / unitBytes) + "a".repeat(room % unitBytes) + tail;
  }
}
