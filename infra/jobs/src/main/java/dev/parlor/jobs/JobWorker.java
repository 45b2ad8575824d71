package dev.parlor.jobs;

import dev.parlor.jobs.JobQueue.Fetched;
import dev.parlor.jobs.JobQueue.Transition;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls jobs of one queue and runs them with a {@link JobHandler}, at most {@code concurrency} at a time: it asks the
 * queue only for as many jobs as it has free slots (first reclaiming deliveries of dead workers, then reading new
 * ones), renews the lease of every job in flight, and ends each delivery with complete, fail or release. Its state
 * is confined to the Vert.x context that {@link #start}s it.
 */
public final class JobWorker {

  private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
  private static final long FETCH_ERROR_PAUSE_MS = 1_000;
  private static final long PRUNE_EVERY_MS = 60_000;
  private static final long PRUNE_IDLE_MS = 3_600_000;

  private final Vertx vertx;
  private final JobQueue queue;
  private final JobHandler handler;
  private final WorkerOptions options;
  private final String consumer;
  private final Map<String, Lease> inFlight = new HashMap<>();
  private final List<Future<?>> releasing = new ArrayList<>();
  private final WorkerStats stats = new WorkerStats();
  private Context context;
  private boolean stopping;
  private boolean fetching;
  private Promise<Void> fetchIdle;
  private long heartbeatTimer = -1;
  private long promoteTimer = -1;
  private long pruneTimer = -1;

  public JobWorker(Vertx vertx, JobQueue queue, JobHandler handler, WorkerOptions options, String consumer) {
    this.vertx = vertx;
    this.queue = queue;
    this.handler = handler;
    this.options = options;
    this.consumer = consumer;
  }

  public String consumer() {
    return consumer;
  }

  public WorkerStats stats() {
    return stats;
  }

  /** Starts pulling; completes once the queue exists. Call from the context that should own the worker. */
  public Future<Void> start() {
    context = vertx.getOrCreateContext();
    return here(queue.init()).onSuccess(v -> {
      heartbeatTimer = vertx.setPeriodic(options.heartbeatMs(), id -> heartbeats());
      promoteTimer = vertx.setPeriodic(options.promoteMs(), id -> queue.promoteDue()
        .onFailure(e -> LOG.warn("Promoting due retries failed: {}", e.toString())));
      pruneTimer = vertx.setPeriodic(PRUNE_EVERY_MS, id -> queue.pruneConsumers(PRUNE_IDLE_MS)
        .onFailure(e -> LOG.warn("Pruning idle consumers failed: {}", e.toString())));
      fetch();
    });
  }

  /** Stops pulling and gives every job in flight back to the queue at once, so another worker takes it now. */
  public Future<Void> stop() {
    Promise<Void> stopped = Promise.promise();
    context.runOnContext(v -> {
      stopping = true;
      vertx.cancelTimer(heartbeatTimer);
      vertx.cancelTimer(promoteTimer);
      vertx.cancelTimer(pruneTimer);
      Future<Void> idle = Future.succeededFuture();
      if (fetching) {
        fetchIdle = Promise.promise();
        idle = fetchIdle.future();
      }
      idle.onComplete(done -> {
        new ArrayList<>(inFlight.values()).forEach(this::release);
        Future.join(new ArrayList<>(releasing)).<Void>mapEmpty().onComplete(stopped);
      });
    });
    return stopped.future();
  }

  private void fetch() {
    int free = options.concurrency() - inFlight.size();
    if (stopping || fetching || free <= 0) {
      return;
    }
    fetching = true;
    here(queue.reclaim(consumer, free))
      .compose(reclaimed -> reclaimed.isEmpty() && !stopping
        ? here(queue.read(consumer, free, options.blockMs())) : Future.succeededFuture(reclaimed))
      .onComplete(ar -> {
        fetching = false;
        if (ar.succeeded()) {
          accept(ar.result());
        } else {
          LOG.warn("Fetching {} jobs failed: {}", consumer, ar.cause().toString());
          if (String.valueOf(ar.cause().getMessage()).startsWith("NOGROUP")) {
            // Redis lost its data (restarted without persistence): recreate the stream and group, then go on.
            queue.init().onFailure(e -> LOG.warn("Recreating the queue failed: {}", e.toString()));
          }
        }
        if (fetchIdle != null) {
          fetchIdle.tryComplete();
        }
        if (ar.succeeded()) {
          fetch();
        } else if (!stopping) {
          vertx.setTimer(FETCH_ERROR_PAUSE_MS, id -> fetch());
        }
      });
  }

  private void accept(Fetched fetched) {
    fetched.deadLettered().forEach(this::announce);
    for (Lease lease : fetched.leases()) {
      if (stopping) {
        inFlight.put(lease.jobId(), lease);
        release(lease);
      } else {
        run(lease);
      }
    }
  }

  private void run(Lease lease) {
    inFlight.put(lease.jobId(), lease);
    long started = System.nanoTime();
    Future<JobOutcome> work;
    try {
      work = handler.handle(lease);
    } catch (RuntimeException e) {
      work = Future.failedFuture(e);
    }
    here(work).transform(ar -> ar.succeeded()
        ? here(queue.complete(lease, ar.result().result(), ar.result().outputs()))
        : here(failDelivery(lease, ar.cause())))
      .onComplete(ar -> {
        if (inFlight.get(lease.jobId()) == lease) {
          inFlight.remove(lease.jobId());
        }
        if (ar.failed()) {
          // Nothing recorded: the lease runs out and the job is reclaimed, at least once.
          LOG.warn("Could not record the outcome of job {}: {}", lease.jobId(), ar.cause().toString());
        } else {
          stats.record(ar.result(), (System.nanoTime() - started) / 1_000_000);
          if (ar.result() == Transition.DONE || ar.result() == Transition.DEAD) {
            announce(lease.jobId());
          }
        }
        fetch();
      });
  }

  private Future<Transition> failDelivery(Lease lease, Throwable cause) {
    if (cause instanceof JobFailure failure) {
      return queue.fail(lease, failure.code(), failure.getMessage(), failure.permanent());
    }
    LOG.warn("Job {} failed unexpectedly (will retry)", lease.jobId(), cause);
    return queue.fail(lease, "internal", String.valueOf(cause), false);
  }

  private void release(Lease lease) {
    inFlight.remove(lease.jobId());
    releasing.add(here(queue.release(lease))
      .onFailure(e -> LOG.warn("Could not release job {}: {}", lease.jobId(), e.toString())));
  }

  private void heartbeats() {
    for (Lease lease : new ArrayList<>(inFlight.values())) {
      here(queue.heartbeat(lease, consumer)).onSuccess(kept -> {
        if (!kept) {
          stats.leaseLost();
          LOG.warn("Lost the lease of job {}; its outcome will be refused", lease.jobId());
        }
      });
    }
  }

  private void announce(String jobId) {
    here(queue.get(jobId)).compose(job -> job == null ? Future.succeededFuture() : handler.finished(job))
      .onFailure(e -> LOG.warn("Announcing job {} failed: {}", jobId, e.toString()));
  }

  /** Continues on this worker's context whatever thread completed the future (Redis, worker pool). */
  private <T> Future<T> here(Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(ar -> context.runOnContext(v -> promise.handle(ar)));
    return promise.future();
  }
}
