package dev.parlor.jobs;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A durable job queue of one job type. Producers {@link #enqueue}; workers {@link #read} or {@link #reclaim}
 * deliveries, keep their {@link Lease} with {@link #heartbeat}, and end each delivery with exactly one of
 * {@link #complete}, {@link #fail} or {@link #release}. Delivery is at least once; outcomes are effectively once
 * because every transition checks the lease's fence and outputs are written in the same atomic step as the result.
 */
public interface JobQueue {

  /** Creates the stream and consumer group if they do not exist yet. */
  Future<Void> init();

  /**
   * Adds a job, unless {@code dedupeKey} (may be null) already names a live job: then that job is answered. Atomic,
   * so identical concurrent enqueues make one job. Refused when the owner or the queue has too many unfinished jobs.
   */
  Future<EnqueueResult> enqueue(String owner, String dedupeKey, JsonObject payload);

  /**
   * Whether {@code owner} could enqueue now (a cheap pre-check, e.g. before accepting an upload's body): CREATED
   * when there is room, else OWNER_BUSY or QUEUE_FULL. {@link #enqueue} checks again, atomically.
   */
  Future<EnqueueResult.Status> admission(String owner);

  /** The job, or {@code null} when unknown or expired. */
  Future<JobRecord> get(String jobId);

  /** New deliveries for {@code consumer}, at most {@code max}, waiting up to {@code blockMs} for one. */
  Future<Fetched> read(String consumer, int max, long blockMs);

  /** Deliveries whose worker stopped heartbeating for a lease, moved to {@code consumer}. */
  Future<Fetched> reclaim(String consumer, int max);

  /** Extends the lease; {@code false} when it was lost (reclaimed, released or finished elsewhere). */
  Future<Boolean> heartbeat(Lease lease, String consumer);

  /** Stores {@code outputs} (Redis key → bytes) and the result, and marks the job done, if the lease is current. */
  Future<Transition> complete(Lease lease, JsonObject result, Map<String, Buffer> outputs);

  /** Ends the delivery with an error: permanent or out of deliveries → dead letter, else a delayed retry. */
  Future<Transition> fail(Lease lease, String code, String message, boolean permanent);

  /** Gives the job back at once without counting the delivery (graceful shutdown). */
  Future<Boolean> release(Lease lease);

  /** Moves retries whose backoff has passed back onto the stream; answers how many were due. */
  Future<Integer> promoteDue();

  /**
   * Forgets consumers (worker instances) that hold no delivery and were idle longer than {@code idleMs}: every worker
   * start is a new consumer, so without this the group would list every worker that ever ran. Answers how many.
   */
  Future<Integer> pruneConsumers(long idleMs);

  Future<QueueMetrics> metrics();

  Future<List<DeadLetter>> deadLetters(int count);

  /** Requeues a dead-lettered job with a fresh delivery budget; {@code false} if it is not dead-lettered. */
  Future<Boolean> retryDead(String jobId);

  /** Drops every dead letter; answers how many. */
  Future<Long> purgeDead();

  /** How a delivery ended, from the queue's point of view. */
  enum Transition { DONE, RETRY, DEAD, FENCED }

  /** Deliveries to run, and jobs that were dead-lettered on delivery (too many deliveries) and need announcing. */
  record Fetched(List<Lease> leases, List<String> deadLettered) {
    public boolean isEmpty() {
      return leases.isEmpty() && deadLettered.isEmpty();
    }
  }
}
