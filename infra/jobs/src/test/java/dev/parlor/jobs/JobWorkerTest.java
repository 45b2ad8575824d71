package dev.parlor.jobs;

import static dev.parlor.jobs.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.jobs.JobState;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JobWorkerTest {

  private static final QueueFixture FIX = new QueueFixture();

  @AfterAll
  static void close() {
    FIX.close();
  }

  /** Starts a worker on its own event-loop context, as a verticle would. */
  private static JobWorker startWorker(JobQueue queue, JobHandler handler, int concurrency, String name) {
    JobWorker worker = new JobWorker(FIX.vertx, queue, handler, new WorkerOptions(concurrency, 100, 100, 20), name);
    Promise<Void> started = Promise.promise();
    FIX.vertx.getOrCreateContext().runOnContext(v -> worker.start().onComplete(started));
    await(started.future());
    return worker;
  }

  @Test
  void workerNeverRunsMoreJobsThanItHasSlotsAndAnnouncesAfterTheStateIsStored() throws Exception {
    RedisJobQueue queue = FIX.queue(QueueOptions.defaults(QueueFixture.freshType()));
    int jobs = 12;
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    CountDownLatch announced = new CountDownLatch(jobs);
    Map<String, JobState> seenAtAnnounce = new ConcurrentHashMap<>();
    JobHandler handler = new JobHandler() {
      @Override
      public Future<JobOutcome> handle(Lease lease) {
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        return FIX.vertx.executeBlocking(() -> {
          Thread.sleep(30);
          running.decrementAndGet();
          return new JobOutcome(new JsonObject().put("n", lease.payload().getInteger("n")), Map.of());
        });
      }

      @Override
      public Future<Void> finished(JobRecord job) {
        return queue.get(job.jobId()).map(stored -> {
          seenAtAnnounce.put(job.jobId(), stored.state());
          announced.countDown();
          return null;
        });
      }
    };
    for (int i = 0; i < jobs; i++) {
      await(queue.enqueue("u", null, new JsonObject().put("n", i)));
    }
    JobWorker worker = startWorker(queue, handler, 3, "w-slots");
    assertTrue(announced.await(20, TimeUnit.SECONDS));
    await(worker.stop());
    assertTrue(maxRunning.get() <= 3, "ran " + maxRunning.get() + " at once");
    assertEquals(jobs, seenAtAnnounce.size());
    assertTrue(seenAtAnnounce.values().stream().allMatch(state -> state == JobState.DONE));
    assertEquals(jobs, worker.stats().done());
  }

  @Test
  void gracefulStopReleasesInFlightJobsToAnotherWorkerAtOnce() throws Exception {
    // A 60 s lease: without the release the second worker would wait a minute.
    RedisJobQueue queue = FIX.queue(QueueOptions.defaults(QueueFixture.freshType()).withLeaseMs(60_000));
    CountDownLatch stuckStarted = new CountDownLatch(1);
    Promise<JobOutcome> never = Promise.promise();
    JobWorker leaving = startWorker(queue, lease -> {
      stuckStarted.countDown();
      return never.future();
    }, 1, "leaving");
    String jobId = await(queue.enqueue("u", null, new JsonObject())).jobId();
    assertTrue(stuckStarted.await(10, TimeUnit.SECONDS));
    assertEquals(JobState.RUNNING, await(queue.get(jobId)).state());

    long stopAt = System.nanoTime();
    await(leaving.stop());
    CountDownLatch done = new CountDownLatch(1);
    JobWorker staying = startWorker(queue, new JobHandler() {
      @Override
      public Future<JobOutcome> handle(Lease lease) {
        return Future.succeededFuture(new JobOutcome(new JsonObject().put("delivery", lease.delivery()), Map.of()));
      }

      @Override
      public Future<Void> finished(JobRecord job) {
        done.countDown();
        return Future.succeededFuture();
      }
    }, 1, "staying");
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAt) < 5_000);
    JobRecord job = await(queue.get(jobId));
    assertEquals(JobState.DONE, job.state());
    assertEquals(1, job.result().getInteger("delivery"), "a released delivery does not count");

    never.complete(new JobOutcome(new JsonObject(), Map.of()));
    await(staying.stop());
  }

  @Test
  void workerRecreatesItsQueueWhenRedisLostIt() throws Exception {
    RedisJobQueue queue = FIX.queue(QueueOptions.defaults(QueueFixture.freshType()));
    CountDownLatch done = new CountDownLatch(1);
    JobWorker worker = startWorker(queue, new JobHandler() {
      @Override
      public Future<JobOutcome> handle(Lease lease) {
        return Future.succeededFuture(new JobOutcome(new JsonObject(), Map.of()));
      }

      @Override
      public Future<Void> finished(JobRecord job) {
        done.countDown();
        return Future.succeededFuture();
      }
    }, 1, "w-lost");
    // As after a restart of a Redis without persistence: the stream and its group are gone.
    await(FIX.redis.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.DEL)
      .arg(dev.parlor.contracts.jobs.JobQueues.keyPrefix(queue.options().type()) + "stream")));
    // Enqueueing recreates the stream, without the group: only the worker can bring that back.
    String jobId = await(queue.enqueue("u", null, new JsonObject())).jobId();
    assertTrue(done.await(10, TimeUnit.SECONDS), "job never done after the group was lost");
    assertEquals(JobState.DONE, await(queue.get(jobId)).state());
    await(worker.stop());
  }

  @Test
  void badInputFailureIsDeadLetteredAndAnnouncedWhileTheWorkerKeepsRunning() throws Exception {
    RedisJobQueue queue = FIX.queue(QueueOptions.defaults(QueueFixture.freshType()));
    CountDownLatch announced = new CountDownLatch(2);
    Map<String, JobRecord> finished = new ConcurrentHashMap<>();
    JobWorker worker = startWorker(queue, new JobHandler() {
      @Override
      public Future<JobOutcome> handle(Lease lease) {
        if (lease.payload().getBoolean("bad")) {
          throw JobFailure.permanent("corrupt_image", "not an image");
        }
        return Future.succeededFuture(new JobOutcome(new JsonObject(), Map.of()));
      }

      @Override
      public Future<Void> finished(JobRecord job) {
        finished.put(job.jobId(), job);
        announced.countDown();
        return Future.succeededFuture();
      }
    }, 2, "w-bad");
    String bad = await(queue.enqueue("u", null, new JsonObject().put("bad", true))).jobId();
    String good = await(queue.enqueue("u", null, new JsonObject().put("bad", false))).jobId();
    assertTrue(announced.await(10, TimeUnit.SECONDS));
    assertEquals("corrupt_image", finished.get(bad).errorCode());
    assertEquals(JobState.DONE, finished.get(good).state());
    assertEquals(List.of(bad), await(queue.deadLetters(10)).stream().map(DeadLetter::jobId).toList());
    await(worker.stop());
  }
}
