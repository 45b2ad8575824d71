package dev.parlor.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.runtime.ParlorRuntime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A gateway alone in its cluster still answers the ops overview: what it knows, and nothing for what is missing. */
class OpsOverviewPartialTest {

  private static GatewayNodeFixture gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayNodeFixture(new JsonObject().put("ops.beacon-ms", 100));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject overview() throws Exception {
    var response = ParlorRuntime.await(gateway.web.get(gateway.port, "127.0.0.1", "/api/v1/ops/overview").send());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("no-store", response.getHeader("cache-control"));
    return response.bodyAsJsonObject();
  }

  private static JsonArray instances(JsonObject view, String service) {
    return view.getJsonArray("services").stream().map(JsonObject.class::cast)
      .filter(s -> s.getString("name").equals(service)).findFirst().orElseThrow().getJsonArray("instances");
  }

  @Test
  void missingServicesAreListedWithoutInstancesAndTheirFiguresAreNull() throws Exception {
    gateway.connect("Solo");
    long deadline = System.currentTimeMillis() + 10_000;
    JsonObject view = overview();
    while (!(view.getValue("sessions") instanceof Number n && n.intValue() == 1)) {
      assertTrue(System.currentTimeMillis() < deadline, "the gateway never counted its session: " + view.encode());
      Thread.sleep(50);
      view = overview();
    }
    JsonObject self = instances(view, "gateway").getJsonObject(0);
    assertEquals(gateway.node.nodeId(), self.getString("id"));
    assertEquals("UP", self.getString("status"));
    for (String missing : new String[] {"game", "presence", "thumbnail"}) {
      assertEquals(new JsonArray(), instances(view, missing), missing);
    }
    assertNull(view.getValue("gamesInProgress"));
    assertNull(view.getValue("queueDepth"));
    assertTrue(view.getValue("jobsWaiting") instanceof Number, "the queue is read from Redis, worker or not: " + view.encode());
  }
}
