package dev.parlor.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parlor.contracts.Addresses;
import dev.parlor.runtime.ParlorRuntime;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's readiness follows its delivery canary: when topic events stop reaching its event loops while
 * sockets stay open, {@code /health/ready} turns DOWN on the {@code delivery} check, and UP again once they flow.
 * Events stop here the way a broken event bus would stop them: an inbound interceptor swallows every topic message.
 */
class DeliveryCanaryReadinessTest {

  private static GatewayNodeFixture gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayNodeFixture(new JsonObject().put("gateway.instances", 2)
      .put("gateway.canary.interval-ms", 100).put("gateway.canary.bound-ms", 600));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject delivery(HttpResponse<Buffer> ready) {
    for (Object check : ready.bodyAsJsonObject().getJsonArray("checks")) {
      if ("delivery".equals(((JsonObject) check).getString("id"))) {
        return (JsonObject) check;
      }
    }
    throw new AssertionError("no delivery check in " + ready.bodyAsString());
  }

  private static HttpResponse<Buffer> awaitReadiness(int status) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      HttpResponse<Buffer> ready = ParlorRuntime.await(gateway.web.get(gateway.port, "127.0.0.1", "/health/ready")
        .send());
      if (ready.statusCode() == status) {
        return ready;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("readiness stayed " + ready.statusCode() + ": " + ready.bodyAsString());
      }
      Thread.sleep(50);
    }
  }

  @Test
  void readinessTurnsDownWhileEventsStopFlowingAndUpWhenTheyFlowAgain() throws Exception {
    GatewayNodeFixture.Session session = gateway.connect("Canary");
    assertEquals("UP", delivery(awaitReadiness(200)).getString("status"));

    Handler<DeliveryContext<Object>> blackHole = delivery -> {
      if (!delivery.message().address().startsWith(Addresses.Topics.PREFIX)) {
        delivery.next();
      }
    };
    gateway.node.vertx().eventBus().addInboundInterceptor(blackHole);
    try {
      JsonObject down = delivery(awaitReadiness(503));
      assertEquals("DOWN", down.getString("status"));
      // The socket is still open and answering: only events stopped.
      assertEquals("reply", session.client().request("ping", new JsonObject()).getString("type"));
      assertFalse(session.client().isClosed());
    } finally {
      gateway.node.vertx().eventBus().removeInboundInterceptor(blackHole);
    }
    assertEquals("UP", delivery(awaitReadiness(200)).getString("status"));
  }
}
