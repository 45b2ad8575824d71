package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two real clustered Vert.x nodes (Hazelcast): a request sent on one is served on the other. */
class ClusterRequestTest {

  private static final TestCluster cluster = new TestCluster();
  private static ParlorRuntime sender;
  private static ParlorRuntime server;

  @BeforeAll
  static void startNodes() throws Exception {
    sender = cluster.start();
    server = cluster.start(new ProbeService());
  }

  @AfterAll
  static void stopNodes() {
    cluster.close();
  }

  @Test
  void requestSentOnOneNodeIsServedOnTheOther() throws Exception {
    Message<JsonObject> reply = ParlorRuntime.await(sender.vertx().eventBus()
      .request(ProbeService.WHO_AM_I, new JsonObject(), new DeliveryOptions().setSendTimeout(5_000)));
    assertNotEquals(sender.nodeId(), server.nodeId());
    assertEquals(server.nodeId(), reply.body().getString("nodeId"));
  }
}
