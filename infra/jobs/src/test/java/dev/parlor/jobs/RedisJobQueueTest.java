package dev.parlor.jobs;

import static dev.parlor.jobs.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.jobs.JobState;
import dev.parlor.jobs.JobQueue.Fetched;
import dev.parlor.jobs.JobQueue.Transition;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RedisJobQueueTest {

  private static final QueueFixture FIX = new QueueFixture();

  @AfterAll
  static void close() {
    FIX.close();
  }

  private static RedisJobQueue queue() {
    return FIX.queue(QueueOptions.defaults(QueueFixture.freshType()).withLeaseMs(300).withBackoff(200, 2_000));
  }

  private static Lease readOne(JobQueue queue, String consumer) {
    Fetched fetched = await(queue.read(consumer, 1, 0));
    assertEquals(1, fetched.leases().size(), "one delivery expected");
    return fetched.leases().get(0);
  }

  /** Waits for the lease of a silent consumer to run out, then reclaims; the queue's clock is Redis idle time. */
  private static Fetched reclaimAfterLease(JobQueue queue, String consumer) {
    long deadline = System.currentTimeMillis() + 5_000;
    Fetched fetched;
    do {
      fetched = await(queue.reclaim(consumer, 10));
    } while (fetched.isEmpty() && System.currentTimeMillis() < deadline && pause(50));
    return fetched;
  }

  private static boolean pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  @Test
  void jobMovesFromQueuedToRunningToDoneAndStoresItsOutputs() {
    RedisJobQueue queue = queue();
    EnqueueResult enqueued = await(queue.enqueue("alice", "k1", new JsonObject().put("n", 1)));
    assertEquals(EnqueueResult.Status.CREATED, enqueued.status());
    assertEquals(JobState.QUEUED, await(queue.get(enqueued.jobId())).state());

    Lease lease = readOne(queue, "w1");
    assertEquals(1, lease.payload().getInteger("n"));
    assertEquals("alice", lease.owner());
    assertEquals(JobState.RUNNING, await(queue.get(enqueued.jobId())).state());

    String outKey = "test:out:" + enqueued.jobId();
    assertEquals(Transition.DONE, await(queue.complete(lease, new JsonObject().put("ok", true),
      Map.of(outKey, Buffer.buffer(new byte[] {0, 1, (byte) 255})))));
    JobRecord done = await(queue.get(enqueued.jobId()));
    assertEquals(JobState.DONE, done.state());
    assertTrue(done.result().getBoolean("ok"));
    assertEquals(Buffer.buffer(new byte[] {0, 1, (byte) 255}),
      await(FIX.redis.send(Request.cmd(Command.GET).arg(outKey))).toBuffer());
    QueueMetrics metrics = await(queue.metrics());
    assertEquals(0, metrics.depth());
    assertEquals(1, metrics.done());
  }

  @Test
  void unknownJobIsNull() {
    assertNull(await(queue().get("jnothing")));
  }

  @Test
  void concurrentIdenticalEnqueuesMakeOneJob() {
    RedisJobQueue queue = queue();
    List<Future<EnqueueResult>> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      all.add(queue.enqueue("bob", "same-image", new JsonObject()));
    }
    await(Future.all(all));
    Set<String> ids = all.stream().map(f -> f.result().jobId()).collect(Collectors.toSet());
    assertEquals(1, ids.size());
    assertEquals(1, all.stream().filter(f -> f.result().status() == EnqueueResult.Status.CREATED).count());
    assertEquals(1, await(queue.metrics()).depth());
  }

  @Test
  void retryWhileUnfinishedAnswersTheSameJobButASendAfterTheEndIsANewJob() {
    RedisJobQueue queue = queue();
    String first = await(queue.enqueue("bob", "img", new JsonObject())).jobId();
    Lease lease = readOne(queue, "w");
    EnqueueResult whileRunning = await(queue.enqueue("bob", "img", new JsonObject()));
    assertEquals(EnqueueResult.Status.DUPLICATE, whileRunning.status());
    assertEquals(first, whileRunning.jobId());
    await(queue.complete(lease, new JsonObject(), Map.of()));
    EnqueueResult later = await(queue.enqueue("bob", "img", new JsonObject()));
    assertEquals(EnqueueResult.Status.CREATED, later.status());
    assertNotEquals(first, later.jobId());
  }

  @Test
  void ownerAndQueueLimitsRefuseNewJobs() {
    RedisJobQueue queue = FIX.queue(QueueOptions.defaults(QueueFixture.freshType()).withLimits(2, 3));
    assertTrue(await(queue.enqueue("a", "1", new JsonObject())).accepted());
    assertTrue(await(queue.enqueue("a", "2", new JsonObject())).accepted());
    assertEquals(EnqueueResult.Status.OWNER_BUSY, await(queue.enqueue("a", "3", new JsonObject())).status());
    assertTrue(await(queue.enqueue("b", "4", new JsonObject())).accepted());
    assertEquals(EnqueueResult.Status.QUEUE_FULL, await(queue.enqueue("c", "5", new JsonObject())).status());
    Lease lease = readOne(queue, "w");
    await(queue.complete(lease, new JsonObject(), Map.of()));
    assertTrue(await(queue.enqueue("c", "5", new JsonObject())).accepted());
  }

  @Test
  void transientFailureIsRetriedAfterABackoff() {
    RedisJobQueue queue = queue();
    String jobId = await(queue.enqueue("c", null, new JsonObject())).jobId();
    Lease first = readOne(queue, "w");
    long failedAt = System.currentTimeMillis();
    assertEquals(Transition.RETRY, await(queue.fail(first, "internal", "db hiccup", false)));
    JobRecord waiting = await(queue.get(jobId));
    assertEquals(JobState.QUEUED, waiting.state());
    assertTrue(await(queue.read("w", 1, 0)).isEmpty(), "not redelivered before its backoff");
    assertEquals(1, await(queue.metrics()).delayed());

    while (await(queue.promoteDue()) == 0) {
      assertTrue(System.currentTimeMillis() - failedAt < 5_000, "retry never became due");
      pause(20);
    }
    assertTrue(System.currentTimeMillis() - failedAt >= 100, "backoff of at least half the base delay");
    Lease second = readOne(queue, "w");
    assertEquals(2, second.delivery());
    assertEquals(1, await(queue.metrics()).retries());
  }

  @Test
  void transientFailuresEndInDeadLetterAfterMaxDeliveries() {
    RedisJobQueue queue = FIX.queue(QueueOptions.defaults(QueueFixture.freshType()).withBackoff(0, 0));
    String jobId = await(queue.enqueue("c", null, new JsonObject())).jobId();
    for (int delivery = 1; delivery <= 3; delivery++) {
      await(queue.promoteDue());
      Lease lease = readOne(queue, "w");
      assertEquals(delivery, lease.delivery());
      assertEquals(delivery < 3 ? Transition.RETRY : Transition.DEAD,
        await(queue.fail(lease, "internal", "still down", false)));
    }
    assertEquals(JobState.FAILED, await(queue.get(jobId)).state());
    assertEquals(jobId, await(queue.deadLetters(10)).get(0).jobId());
  }

  @Test
  void permanentFailureGoesStraightToDeadLetterWithItsReason() {
    RedisJobQueue queue = queue();
    String jobId = await(queue.enqueue("d", null, new JsonObject())).jobId();
    Lease lease = readOne(queue, "w");
    assertEquals(Transition.DEAD, await(queue.fail(lease, "corrupt_image", "truncated", true)));
    JobRecord failed = await(queue.get(jobId));
    assertEquals(JobState.FAILED, failed.state());
    assertEquals("corrupt_image", failed.errorCode());
    assertEquals(new JsonObject().put("jobId", jobId).put("state", "failed")
      .put("error", new JsonObject().put("code", "corrupt_image").put("message", "truncated")), failed.toClientJson());
    List<DeadLetter> dead = await(queue.deadLetters(10));
    assertEquals(1, dead.size());
    assertEquals("corrupt_image", dead.get(0).code());
    assertEquals("truncated", dead.get(0).message());
    assertEquals(1, dead.get(0).deliveries());
    QueueMetrics metrics = await(queue.metrics());
    assertEquals(1, metrics.deadLetters());
    assertEquals(0, metrics.depth());
  }

  @Test
  void deadLetterCanBeRetriedThenPurged() {
    RedisJobQueue queue = queue();
    String jobId = await(queue.enqueue("d", null, new JsonObject())).jobId();
    await(queue.fail(readOne(queue, "w"), "internal", "x", true));
    assertTrue(await(queue.retryDead(jobId)));
    assertFalse(await(queue.retryDead(jobId)), "no longer dead-lettered");
    Lease again = readOne(queue, "w");
    assertEquals(1, again.delivery());
    await(queue.fail(again, "internal", "y", true));
    assertEquals(1L, await(queue.purgeDead()));
    assertTrue(await(queue.deadLetters(10)).isEmpty());
  }

  @Test
  void deliveryOfADeadConsumerIsReclaimedAndTheOldHolderIsFencedOut() {
    RedisJobQueue queue = queue();
    String jobId = await(queue.enqueue("e", null, new JsonObject())).jobId();
    Lease dead = readOne(queue, "dying");
    assertTrue(await(queue.reclaim("rescuer", 10)).isEmpty(), "a live lease is not reclaimed");

    Fetched reclaimed = reclaimAfterLease(queue, "rescuer");
    assertEquals(1, reclaimed.leases().size());
    Lease rescued = reclaimed.leases().get(0);
    assertEquals(2, rescued.delivery());

    assertFalse(await(queue.heartbeat(dead, "dying")));
    assertEquals(Transition.FENCED, await(queue.complete(dead, new JsonObject().put("by", "dying"),
      Map.of("test:fenced:" + jobId, Buffer.buffer("stale")))));
    assertEquals(Transition.FENCED, await(queue.fail(dead, "internal", "late", true)));
    assertNull(await(FIX.redis.send(Request.cmd(Command.GET).arg("test:fenced:" + jobId))));

    assertEquals(Transition.DONE, await(queue.complete(rescued, new JsonObject().put("by", "rescuer"), Map.of())));
    assertEquals("rescuer", await(queue.get(jobId)).result().getString("by"));
  }

  @Test
  void heartbeatsKeepALeaseFromBeingReclaimed() {
    RedisJobQueue queue = queue();
    await(queue.enqueue("f", null, new JsonObject()));
    Lease lease = readOne(queue, "alive");
    long until = System.currentTimeMillis() + 900;
    while (System.currentTimeMillis() < until) {
      assertTrue(await(queue.heartbeat(lease, "alive")));
      assertTrue(await(queue.reclaim("thief", 10)).isEmpty());
      pause(80);
    }
    assertEquals(Transition.DONE, await(queue.complete(lease, new JsonObject(), Map.of())));
  }

  @Test
  void jobDeliveredTooOftenIsDeadLetteredAsPoison() {
    RedisJobQueue queue = queue();
    String jobId = await(queue.enqueue("g", null, new JsonObject())).jobId();
    readOne(queue, "crash1");
    assertEquals(2, reclaimAfterLease(queue, "crash2").leases().get(0).delivery());
    assertEquals(3, reclaimAfterLease(queue, "crash3").leases().get(0).delivery());
    Fetched fourth = reclaimAfterLease(queue, "crash4");
    assertTrue(fourth.leases().isEmpty());
    assertEquals(List.of(jobId), fourth.deadLettered());
    JobRecord job = await(queue.get(jobId));
    assertEquals(JobState.FAILED, job.state());
    assertEquals("poisoned", job.errorCode());
    assertEquals(0, await(queue.metrics()).pending());
  }

  @Test
  void releasedJobIsDeliveredAgainAtOnceWithoutCountingADelivery() {
    RedisJobQueue queue = queue();
    String jobId = await(queue.enqueue("h", null, new JsonObject())).jobId();
    Lease held = readOne(queue, "leaving");
    assertTrue(await(queue.release(held)));
    Lease next = readOne(queue, "staying");
    assertEquals(jobId, next.jobId());
    assertEquals(1, next.delivery());
    assertEquals(Transition.FENCED, await(queue.complete(held, new JsonObject(), Map.of())));
    assertEquals(Transition.DONE, await(queue.complete(next, new JsonObject(), Map.of())));
  }

  @Test
  void idleConsumersWithoutDeliveriesArePrunedButBusyOnesStay() {
    RedisJobQueue queue = queue();
    await(queue.enqueue("p", null, new JsonObject()));
    await(queue.enqueue("p", null, new JsonObject()));
    Lease finished = readOne(queue, "gone-worker");
    await(queue.complete(finished, new JsonObject(), Map.of()));
    readOne(queue, "busy-worker");
    pause(20);
    assertEquals(1, await(queue.pruneConsumers(5)));
    List<String> left = new ArrayList<>();
    for (io.vertx.redis.client.Response consumer : await(FIX.redis.send(Request.cmd(Command.XINFO).arg("CONSUMERS")
      .arg(dev.parlor.contracts.jobs.JobQueues.keyPrefix(queue.options().type()) + "stream").arg(dev.parlor.contracts.jobs.JobQueues.group(queue.options().type()))))) {
      left.add(Replies.fields(consumer).get("name"));
    }
    assertEquals(List.of("busy-worker"), left);
  }

  @Test
  void metricsReportLagPendingAndAges() {
    RedisJobQueue queue = queue();
    for (int i = 0; i < 3; i++) {
      await(queue.enqueue("m", null, new JsonObject()));
    }
    readOne(queue, "w");
    QueueMetrics metrics = await(queue.metrics());
    assertEquals(3, metrics.depth());
    assertEquals(2, metrics.lag());
    assertEquals(1, metrics.pending());
    assertTrue(metrics.oldestQueuedAgeMs() >= 0 && metrics.oldestQueuedAgeMs() < 10_000);
  }
}
