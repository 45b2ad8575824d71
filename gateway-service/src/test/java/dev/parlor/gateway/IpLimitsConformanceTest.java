package dev.parlor.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parlor.contracts.Addresses;
import dev.parlor.testkit.WsClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-IP caps on open connections, new connections a minute and guest sessions a minute (small, by config). */
class IpLimitsConformanceTest {

  private static GatewayNodeFixture gateway;
  private static TestServices services;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayNodeFixture(new JsonObject()
      .put("gateway.ip.max-connections", 3)
      .put("gateway.ip.new-sessions-per-minute", 5));
    services = new TestServices(gateway.node.vertx());
  }

  @AfterAll
  static void stop() {
    services.close();
    gateway.close();
  }

  @Test
  void connectionsAndNewSessionsPerIpAreCapped() throws Exception {
    BlockingQueue<JsonObject> closed = services.listen(Addresses.Sessions.CLOSED);
    String token = Guests.token(gateway.clients, Guests.SECRET, "uIp", "Ip", 600);
    List<WsClient> open = new ArrayList<>();
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      WsClient client = WsClient.connect(gateway.clients, gateway.port);
      sessions.add(client.hello(token).getString("sessionId"));
      open.add(client);
    }
    assertEquals(429, refusal());
    for (int i = 0; i < 2; i++) {
      open.get(i).close();
      HandshakeConformanceTest.awaitFor(closed, sessions.get(i));
      WsClient client = WsClient.connect(gateway.clients, gateway.port);
      sessions.set(i, client.hello(token).getString("sessionId"));
      open.set(i, client);
    }
    open.get(0).close();
    HandshakeConformanceTest.awaitFor(closed, sessions.get(0));
    // Five new connections this minute: the sixth is refused although only two are open.
    assertEquals(429, refusal());
    open.forEach(WsClient::close);
  }

  @Test
  void guestCreationPerIpIsCapped() throws Exception {
    for (int i = 0; i < 5; i++) {
      Guests.guest(gateway.web, gateway.port, "G" + i);
    }
    HttpResponse<Buffer> refused = Guests.create(gateway.web, gateway.port, new JsonObject().put("name", "G6"));
    assertEquals(429, refused.statusCode());
    assertEquals("rate_limited", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  /** A WebSocket upgrade request over plain HTTP: its status, and the JSON error of a refusal. */
  private static int refusal() throws Exception {
    HttpResponse<Buffer> response = gateway.web.get(gateway.port, "127.0.0.1", "/ws")
      .putHeader("Upgrade", "websocket").putHeader("Connection", "Upgrade")
      .putHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").putHeader("Sec-WebSocket-Version", "13")
      .send().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals("rate_limited", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
    return response.statusCode();
  }
}
