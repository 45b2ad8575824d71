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
  void requestsSentWhileANodeStopsAreAllAnswered() throws Exception {
    ParlorRuntime leaving = cluster.start(new ProbeService());
    // Wait until the sender routes to both nodes.
    long deadline = System.currentTimeMillis() + 10_000;
    while (!leaving.nodeId().equals(whoAmI().body().getString("nodeId"))) {
      org.junit.jupiter.api.Assertions.assertTrue(System.currentTimeMillis() < deadline, "the new node never served");
    }
    int total = 600;
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(total);
    java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger servedByLeaving = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicLong stopAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE / 2);
    java.util.List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    sender.vertx().setPeriodic(5, timer -> {
      if (sent.incrementAndGet() > total) {
        sender.vertx().cancelTimer(timer);
        return;
      }
      long sentAt = System.nanoTime();
      sender.vertx().eventBus().<JsonObject>request(ProbeService.WHO_AM_I, new JsonObject(),
          new DeliveryOptions().setSendTimeout(5_000))
        .onComplete(ar -> {
          if (ar.failed()) {
            failed.incrementAndGet();
            failures.add(ar.cause() + " sent at +" + (sentAt - stopAt.get()) / 1_000_000 + " ms");
          } else if (leaving.nodeId().equals(ar.result().body().getString("nodeId"))) {
            servedByLeaving.incrementAndGet();
          }
          done.countDown();
        });
    });
    while (sent.get() < total / 4) {
      Thread.sleep(5);
    }
    stopAt.set(System.nanoTime());
    cluster.stop(leaving);
    org.junit.jupiter.api.Assertions.assertTrue(done.await(30, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(0, failed.get(), "requests lost while a node stopped: " + failures);
    org.junit.jupiter.api.Assertions.assertTrue(servedByLeaving.get() > 0, "the leaving node served some");
  }

  private static Message<JsonObject> whoAmI() throws Exception {
    return ParlorRuntime.await(sender.vertx().eventBus()
      .request(ProbeService.WHO_AM_I, new JsonObject(), new DeliveryOptions().setSendTimeout(5_000)));
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
