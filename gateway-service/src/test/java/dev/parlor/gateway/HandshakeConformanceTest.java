package dev.parlor.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.testkit.WsClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions, tokens, hello/welcome, liveness and session announcements, against a real gateway node. */
class HandshakeConformanceTest {

  private static GatewayNodeFixture gateway;
  private static TestServices services;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayNodeFixture(new JsonObject()
      .put("gateway.hello-timeout-ms", 2_000)
      .put("gateway.heartbeat-ms", 500)
      .put("gateway.instance-heartbeat-ms", 300));
    services = new TestServices(gateway.node.vertx());
  }

  @AfterAll
  static void stop() {
    services.close();
    gateway.close();
  }

  @Test
  void guestSessionIsCreatedWithTrimmedName() throws Exception {
    HttpResponse<Buffer> response = Guests.create(gateway.web, gateway.port, new JsonObject().put("name", "  Zoë_1.-x "));
    assertEquals(201, response.statusCode());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("Zoë_1.-x", body.getString("name"));
    assertNotNull(body.getString("userId"));
    assertNotNull(body.getString("token"));
    assertTrue(body.getString("expiresAt").endsWith("Z"));
  }

  @Test
  void badGuestNamesAreInvalidArgsAsJson() throws Exception {
    for (Object body : new Object[] {new JsonObject().put("name", "   "), new JsonObject().put("name", "a<b"),
      new JsonObject().put("name", "x".repeat(25)), new JsonObject().put("name", 5), new JsonObject(), "not json",
      "[1]"}) {
      HttpResponse<Buffer> response = Guests.create(gateway.web, gateway.port, body);
      assertEquals(400, response.statusCode(), String.valueOf(body));
      assertEquals("invalid_args", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
    }
  }

  @Test
  void unknownRestPathAnswersJsonNotFound() throws Exception {
    HttpResponse<Buffer> response = gateway.web.get(gateway.port, "127.0.0.1", "/api/v1/nothing-here").send()
      .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(404, response.statusCode());
    assertEquals("not_found", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  void openApiDocumentIsServed() throws Exception {
    HttpResponse<Buffer> response = gateway.web.get(gateway.port, "127.0.0.1", "/api/v1/openapi.json").send()
      .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    JsonObject document = response.bodyAsJsonObject();
    assertTrue(document.getString("openapi").startsWith("3."));
    assertTrue(document.getJsonObject("paths").containsKey("/api/v1/sessions"));
  }

  @Test
  void sameOriginOrNoOriginMayConnectByDefault() throws Exception {
    OriginConformanceTest.connect(gateway, "http://127.0.0.1:" + gateway.port).close();
    OriginConformanceTest.connect(gateway, null).close();
    java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
      java.util.concurrent.ExecutionException.class,
      () -> OriginConformanceTest.connect(gateway, "https://elsewhere.example"));
    assertEquals(403, ((io.vertx.core.http.UpgradeRejectedException) refused.getCause()).getStatus());
  }

  @Test
  void welcomeCarriesIdentityHeartbeatAndUserTopicState() throws Exception {
    BlockingQueue<JsonObject> opened = services.listen(Addresses.Sessions.OPENED);
    GatewayNodeFixture.Session alice = gateway.connect("Alice");
    JsonObject welcome = alice.welcome();
    assertEquals("Alice", welcome.getString("name"));
    assertEquals(500, welcome.getLong("heartbeatMs"));
    assertNotNull(welcome.getString("sessionId"));
    assertEquals(0, welcome.getJsonObject("user").getLong("offset"));
    assertFalse(welcome.getJsonObject("user").getString("epoch").isEmpty());
    JsonObject announced = awaitFor(opened, welcome.getString("sessionId"));
    assertEquals(alice.userId(), announced.getString("userId"));
    assertEquals("Alice", announced.getString("name"));
    assertNotNull(announced.getString("gatewayId"));
    alice.client().close();
  }

  @Test
  void framesBeforeHelloAreUnauthorizedAndClose() throws Exception {
    for (String text : new String[] {"not json", "[1,2]", "42", "{\"type\":\"ping\",\"id\":\"p\"}",
      "{\"type\":\"hello\"}", "{\"type\":\"hello\",\"token\":7}", "{\"id\":\"x\"}"}) {
      WsClient client = WsClient.connect(gateway.clients, gateway.port);
      client.sendText(text);
      JsonObject error = client.next();
      assertEquals("error", error.getString("type"), text);
      assertEquals("unauthorized", error.getString("code"), text);
      assertEquals((short) 1008, client.awaitClose(), text);
    }
  }

  @Test
  void opsPipelinedAfterHelloAreAnsweredAfterTheWelcome() throws Exception {
    JsonObject guest = Guests.guest(gateway.web, gateway.port, "Eager");
    WsClient client = WsClient.connect(gateway.clients, gateway.port);
    client.send(new JsonObject().put("type", "hello").put("token", guest.getString("token")));
    client.send(new JsonObject().put("type", "ping").put("id", "early"));
    assertEquals("welcome", client.next().getString("type"));
    assertEquals("early", client.next().getString("re"));
    client.close();
  }

  @Test
  void forgedTokenIsRefused() throws Exception {
    String forged = Guests.token(gateway.clients, "another-secret-entirely-xxxxxxxxxxxx", "uForged", "Mallory", 600);
    WsClient client = WsClient.connect(gateway.clients, gateway.port);
    JsonObject error = client.hello(forged);
    assertEquals("unauthorized", error.getString("code"));
    assertNull(error.getString("re"));
    assertEquals((short) 1008, client.awaitClose());
  }

  @Test
  void expiredTokenIsRefused() throws Exception {
    String expired = Guests.token(gateway.clients, Guests.SECRET, "uExpired", "Late", -60);
    WsClient client = WsClient.connect(gateway.clients, gateway.port);
    assertEquals("unauthorized", client.hello(expired).getString("code"));
    assertEquals((short) 1008, client.awaitClose());
  }

  @Test
  void garbageTokenIsRefusedAndOthersAreUnaffected() throws Exception {
    GatewayNodeFixture.Session bob = gateway.connect("Bob");
    WsClient client = WsClient.connect(gateway.clients, gateway.port);
    assertEquals("unauthorized", client.hello("garbage.token.here").getString("code"));
    assertEquals((short) 1008, client.awaitClose());
    assertEquals("reply", bob.client().request("ping", new JsonObject()).getString("type"));
    bob.client().close();
  }

  @Test
  void noHelloInTimeCloses1008() throws Exception {
    WsClient client = WsClient.connect(gateway.clients, gateway.port);
    long start = System.nanoTime();
    assertEquals((short) 1008, client.awaitClose());
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(1_900));
  }

  @Test
  void pingOpRepliesAndIdleClientThatAnswersPingsStaysOpen() throws Exception {
    GatewayNodeFixture.Session carol = gateway.connect("Carol");
    // Four heartbeat intervals: the client's automatic pongs keep it alive.
    Thread.sleep(2_000);
    assertFalse(carol.client().isClosed());
    JsonObject reply = carol.client().request("ping", new JsonObject());
    assertEquals(new JsonObject(), reply.getJsonObject("result"));
    carol.client().close();
  }

  @Test
  void silentPeerIsClosedWithinTwoHeartbeats() throws Exception {
    BlockingQueue<JsonObject> closed = services.listen(Addresses.Sessions.CLOSED);
    JsonObject guest = Guests.guest(gateway.web, gateway.port, "Silent");
    NetClient net = gateway.clients.createNetClient();
    NetSocket socket = net.connect(gateway.port, "127.0.0.1").toCompletionStage().toCompletableFuture()
      .get(10, TimeUnit.SECONDS);
    CompletableFuture<Void> ended = new CompletableFuture<>();
    CompletableFuture<Void> upgraded = new CompletableFuture<>();
    CompletableFuture<Void> welcomed = new CompletableFuture<>();
    StringBuffer seen = new StringBuffer();
    socket.handler(buffer -> {
      seen.append(buffer.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
      if (seen.indexOf(" 101 ") >= 0) {
        upgraded.complete(null);
      }
      if (seen.indexOf("welcome") >= 0) {
        welcomed.complete(null);
      }
    });
    socket.closeHandler(v -> ended.complete(null));
    socket.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port + "\r\nUpgrade: websocket\r\n"
      + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    upgraded.get(10, TimeUnit.SECONDS);
    socket.write(RawWebSocket.maskedText("{\"type\":\"hello\",\"token\":\"" + guest.getString("token") + "\"}"));
    welcomed.get(10, TimeUnit.SECONDS);
    // The raw peer never answers pings: the gateway gives up after 2 x 500 ms of silence.
    ended.get(10, TimeUnit.SECONDS);
    JsonObject event = TestServices.take(closed);
    while (!guest.getString("userId").equals(event.getString("userId"))) {
      event = TestServices.take(closed);
    }
    assertFalse(event.getBoolean("userOnline"));
    net.close();
  }

  @Test
  void sessionClosedSaysWhetherTheUserIsStillOnline() throws Exception {
    BlockingQueue<JsonObject> closed = services.listen(Addresses.Sessions.CLOSED);
    JsonObject guest = Guests.guest(gateway.web, gateway.port, "Twice");
    Welcomed first = welcome(guest);
    Welcomed second = welcome(guest);
    // The instance heartbeat records the gateway as alive shortly after start; wait for one to be sure.
    awaitHeartbeat();
    first.client().close();
    JsonObject one = awaitFor(closed, first.sessionId());
    assertTrue(one.getBoolean("userOnline"));
    second.client().close();
    JsonObject two = awaitFor(closed, second.sessionId());
    assertFalse(two.getBoolean("userOnline"));
    assertEquals(guest.getString("userId"), two.getString("userId"));
  }

  @Test
  void aSessionLeftOnAGatewayThatStoppedBeatingDoesNotKeepItsUserOnline() throws Exception {
    BlockingQueue<JsonObject> closed = services.listen(Addresses.Sessions.CLOSED);
    JsonObject guest = Guests.guest(gateway.web, gateway.port, "Ghosted");
    Welcomed only = welcome(guest);
    awaitHeartbeat();
    // The registry still lists a session of this user on a gateway that never beat (one that died uncleanly).
    gateway.onRedis(redis -> redis.send(Request.cmd(Command.HSET).arg("gw:online:{" + guest.getString("userId") + "}")
      .arg("ghost-session").arg("gone-gateway")));
    only.client().close();
    assertFalse(awaitFor(closed, only.sessionId()).getBoolean("userOnline"));
  }

  @Test
  void sessionClosedSaysWhetherTheSessionEverSentAPresenceOpSoThePresenceServiceCanSkipTheRest() throws Exception {
    BlockingQueue<JsonObject> closed = services.listen(Addresses.Sessions.CLOSED);
    JsonObject guest = Guests.guest(gateway.web, gateway.port, "Mapper");
    Welcomed mapper = welcome(guest);
    Welcomed watcher = welcome(guest);
    // Whatever the presence service answers (or whether it is there at all), the set was sent.
    mapper.client().request("presence.set", new JsonObject().put("room", "map-1").put("status", "here"));
    watcher.client().request("ping", new JsonObject());
    // One at a time: awaitFor drops the other sessions' events while it looks for its own.
    mapper.client().close();
    assertTrue(awaitFor(closed, mapper.sessionId()).getBoolean("presence"));
    watcher.client().close();
    assertFalse(awaitFor(closed, watcher.sessionId()).getBoolean("presence"));
  }

  /** A socket welcomed as {@code guest}, and the session id it was given. */
  private record Welcomed(WsClient client, String sessionId) {
  }

  private Welcomed welcome(JsonObject guest) throws Exception {
    WsClient client = WsClient.connect(gateway.clients, gateway.port);
    return new Welcomed(client, client.hello(guest.getString("token")).getString("sessionId"));
  }

  @Test
  void gatewayAnnouncesItselfWithHeartbeats() throws Exception {
    JsonObject beat = awaitHeartbeat();
    assertNotNull(beat.getString("gatewayId"));
    assertEquals(300, beat.getLong("intervalMs"));
    assertTrue(beat.getInteger("sessions") >= 0);
  }

  private static JsonObject awaitHeartbeat() throws Exception {
    return TestServices.take(services.listen(Addresses.Sessions.GATEWAY_HEARTBEAT));
  }

  static JsonObject awaitFor(BlockingQueue<JsonObject> queue, String sessionId) throws InterruptedException {
    while (true) {
      JsonObject event = TestServices.take(queue);
      if (sessionId.equals(event.getString("sessionId"))) {
        return event;
      }
    }
  }
}
