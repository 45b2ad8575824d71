package dev.parlor.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same frames over every SockJS transport: websocket, xhr-streaming and xhr-polling. */
class SockJsConformanceTest {

  private static GatewayNodeFixture gateway;
  private static TestServices services;
  private static BlockingQueue<TestServices.Received> creates;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayNodeFixture(new JsonObject());
    services = new TestServices(gateway.node.vertx());
    creates = services.serve(Addresses.Game.CREATE, r -> new JsonObject().put("game", new JsonObject()
      .put("gameId", "g1")).put("offset", 1));
  }

  @AfterAll
  static void stop() {
    services.close();
    gateway.close();
  }

  @ParameterizedTest
  @EnumSource(SockJsClient.Kind.class)
  void helloOpsEventsAndBadFramesWork(SockJsClient.Kind kind) throws Exception {
    JsonObject guest = Guests.guest(gateway.web, gateway.port, "Sock");
    try (SockJsClient client = SockJsClient.open(gateway.clients, gateway.port, kind)) {
      client.send(new JsonObject().put("type", "hello").put("token", guest.getString("token")));
      JsonObject welcome = client.next();
      assertEquals("welcome", welcome.getString("type"));
      assertEquals(guest.getString("userId"), welcome.getString("userId"));
      client.send(new JsonObject().put("type", "game.create").put("id", "c1").put("kind", "tictactoe")
        .put("visibility", "private"));
      JsonObject reply = client.next();
      assertEquals("c1", reply.getString("re"));
      assertEquals(1, reply.getJsonObject("result").getLong("offset"));
      assertEquals(guest.getString("userId"), TestServices.take(creates).caller().userId());
      client.send("[1,2]");
      JsonObject bad = client.next();
      assertEquals("bad_frame", bad.getString("code"));
      assertNull(bad.getValue("re"));
      client.send(new JsonObject().put("type", "nope").put("id", "n1"));
      assertEquals("unknown_op", client.next().getString("code"));
      gateway.node.vertx().eventBus().request(Addresses.Gateway.USER_PUBLISH, new JsonObject()
        .put("userId", guest.getString("userId")).put("event", "thumbnail.ready").put("data", new JsonObject()));
      JsonObject event = client.next();
      assertEquals("event", event.getString("type"));
      assertEquals(1, event.getLong("offset"));
      client.send(new JsonObject().put("type", "ping").put("id", "p"));
      assertEquals("p", client.next().getString("re"));
    }
  }

  @ParameterizedTest
  @EnumSource(SockJsClient.Kind.class)
  void badTokenIsUnauthorizedAndCloses(SockJsClient.Kind kind) throws Exception {
    try (SockJsClient client = SockJsClient.open(gateway.clients, gateway.port, kind)) {
      client.send(new JsonObject().put("type", "hello").put("token", "forged"));
      assertEquals("unauthorized", client.next().getString("code"));
      client.awaitClose();
    }
  }

  @ParameterizedTest
  @EnumSource(SockJsClient.Kind.class)
  void oversizeMessageIsTooLargeAndCloses(SockJsClient.Kind kind) throws Exception {
    JsonObject guest = Guests.guest(gateway.web, gateway.port, "Big");
    try (SockJsClient client = SockJsClient.open(gateway.clients, gateway.port, kind)) {
      client.send(new JsonObject().put("type", "hello").put("token", guest.getString("token")));
      assertEquals("welcome", client.next().getString("type"));
      client.send(OpsConformanceTest.padded(65_536, "é"));
      assertEquals("reply", client.next().getString("type"), "exactly 64 KiB is allowed");
      client.send(OpsConformanceTest.padded(65_537, "a"));
      assertEquals("too_large", client.next().getString("code"));
      int code = client.awaitClose();
      assertTrue(code == 1009 || code == 3000 || code == -1, "closed with " + code);
    }
  }
}
