package dev.parlor.jobs;

/**
 * How one worker pulls. {@code concurrency}: jobs in flight at most (it fetches only for free slots);
 * {@code heartbeatMs}: lease renewal period (well under the queue's lease); {@code blockMs}: how long one read waits
 * for new jobs; {@code promoteMs}: how often due retries are moved back to the stream.
 */
public record WorkerOptions(int concurrency, long heartbeatMs, long blockMs, long promoteMs) {

  public WorkerOptions {
    if (concurrency < 1 || heartbeatMs < 10 || blockMs < 1 || promoteMs < 10) {
      throw new IllegalArgumentException("bad worker options");
    }
  }

  public static WorkerOptions forLease(int concurrency, long leaseMs) {
    return new WorkerOptions(concurrency, Math.max(10, leaseMs / 3), 500, 250);
  }
}
