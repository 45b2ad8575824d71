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

  @Test
  void aGracefulStopAnswersTheRequestsAlreadyReceived() throws Exception {
    ParlorRuntime leaving = cluster.start(new ProbeService(true));
    var pending = sender.vertx().eventBus().<JsonObject>request(ProbeService.SLOW, new JsonObject(),
      new DeliveryOptions().setSendTimeout(10_000));
    // Stop once the request is surely being handled: it is answered only after SLOW_MS.
    Thread.sleep(ProbeService.SLOW_MS / 3);
    long started = System.nanoTime();
    cluster.stop(leaving);
    long stopMs = (System.nanoTime() - started) / 1_000_000;
    Message<JsonObject> reply = ParlorRuntime.await(pending);
    assertEquals(leaving.nodeId(), reply.body().getString("nodeId"));
    org.junit.jupiter.api.Assertions.assertTrue(stopMs >= ProbeService.SLOW_MS / 2,
      "the stop waited for the request in flight (" + stopMs + " ms)");
  }
}
