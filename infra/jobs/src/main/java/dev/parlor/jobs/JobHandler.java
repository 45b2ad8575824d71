package dev.parlor.jobs;

import io.vertx.core.Future;

/**
 * The work of one job type. {@link #handle} runs one delivery; heavy work belongs on worker threads
 * ({@code executeBlocking} or a {@code WorkerExecutor}), never on the event loop that calls it. Fail the future with
 * a {@link JobFailure} to choose between retry and dead letter; any other failure is retried as transient.
 */
public interface JobHandler {

  /** Does the job; the outcome's outputs are stored atomically with the job's completion. */
  Future<JobOutcome> handle(Lease lease);

  /**
   * Called once a job reached a final state (done, or failed and dead-lettered), after that state is stored: the
   * place to announce it. May run again for the same job after a crash, so announcements must be idempotent.
   */
  default Future<Void> finished(JobRecord job) {
    return Future.succeededFuture();
  }
}
