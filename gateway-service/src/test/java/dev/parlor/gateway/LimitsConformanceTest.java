package dev.parlor.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.testkit.WsClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Safe by default: sustained floods, clients that never read. */
class LimitsConformanceTest {

  private static GatewayNodeFixture gateway;
  private static TestServices services;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayNodeFixture(new JsonObject()
      .put("gateway.rate.abuse-close-ms", 1_500)
      .put("gateway.outbound.write-queue-bytes", 16_384)
      .put("gateway.outbound.max-pending-bytes", 65_536));
    services = new TestServices(gateway.node.vertx());
  }

  @AfterAll
  static void stop() {
    services.close();
    gateway.close();
  }

  private static WebSocket connect() throws Exception {
    WebSocketClient client = gateway.clients.createWebSocketClient();
    return client.connect(gateway.port, "127.0.0.1", "/ws").toCompletionStage().toCompletableFuture()
      .get(10, TimeUnit.SECONDS);
  }

  @Test
  void sessionThatStaysOverItsLimitIsClosed1008() throws Exception {
    GatewayNodeFixture.Session flooder = gateway.connect("Flood");
    GatewayNodeFixture.Session bystander = gateway.connect("Calm");
    long deadline = System.currentTimeMillis() + 8_000;
    int refused = 0;
    while (!flooder.client().isClosed() && System.currentTimeMillis() < deadline) {
      flooder.client().send(new JsonObject().put("type", "ping").put("id", "x"));
      Thread.sleep(2);
    }
    assertEquals((short) 1008, flooder.client().awaitClose());
    JsonObject frame;
    while (true) {
      frame = flooder.client().next();
      if ("rate_limited".equals(frame.getString("code"))) {
        refused++;
        break;
      }
    }
    assertTrue(refused > 0);
    assertEquals("reply", bystander.client().request("ping", new JsonObject()).getString("type"));
    bystander.client().close();
  }

  @Test
  void clientThatNeverReadsIsClosedAndOthersGetEverything() throws Exception {
    String gameId = "slow1";
    services.serve(Addresses.Game.SUBSCRIBE, r -> new JsonObject().put("snapshot", new JsonObject())
      .put("offset", 0).put("epoch", "e"));
    BlockingQueue<JsonObject> closed = services.listen(Addresses.Sessions.CLOSED);
    GatewayNodeFixture.Session reader = gateway.connect("Reader");
    assertEquals("reply", reader.client().request("subscribe", new JsonObject().put("topic", "game:" + gameId))
      .getString("type"));

    JsonObject guest = Guests.guest(gateway.web, gateway.port, "Sloth");
    WebSocket sloth = connect();
    BlockingQueue<JsonObject> slothFrames = new LinkedBlockingQueue<>();
    sloth.textMessageHandler(t -> slothFrames.add(new JsonObject(t)));
    sloth.writeTextMessage(new JsonObject().put("type", "hello").put("token", guest.getString("token")).encode());
    String slothSession = TestServices.take(slothFrames).getString("sessionId");
    sloth.writeTextMessage(new JsonObject().put("type", "subscribe").put("id", "s").put("topic", "game:" + gameId)
      .encode());
    assertEquals("s", TestServices.take(slothFrames).getString("re"));
    sloth.pause();

    String padding = "p".repeat(8_000);
    CompletableFuture<JsonObject> slothClosed = CompletableFuture.supplyAsync(() -> {
      try {
        return HandshakeConformanceTest.awaitFor(closed, slothSession);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    int published = 0;
    while (!slothClosed.isDone() && published < 5_000) {
      published++;
      gateway.node.vertx().eventBus().publish(Addresses.Topics.game(gameId), new JsonObject()
        .put("event", "game.updated").put("data", new JsonObject().put("pad", padding)).put("offset", published));
      if (published % 50 == 0) {
        // Let the reader keep up, as a healthy client would.
        for (int i = published - 49; i <= published; i++) {
          assertEquals(i, nextEvent(reader.client()).getLong("offset"));
        }
      }
    }
    assertEquals(guest.getString("userId"), slothClosed.get(10, TimeUnit.SECONDS).getString("userId"));
    for (int i = published - published % 50 + 1; i <= published; i++) {
      assertEquals(i, nextEvent(reader.client()).getLong("offset"));
    }
    assertTrue(published < 5_000, "the slow client was never closed");
    assertEquals("reply", reader.client().request("ping", new JsonObject()).getString("type"));
    reader.client().close();
  }

  private static JsonObject nextEvent(WsClient client) throws InterruptedException {
    JsonObject frame = client.next();
    assertEquals("event", frame.getString("type"));
    return frame;
  }
}
