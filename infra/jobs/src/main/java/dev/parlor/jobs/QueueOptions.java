package dev.parlor.jobs;

/**
 * How one queue behaves. {@code leaseMs}: a delivery whose worker sent no heartbeat for this long is reclaimed by
 * another worker. {@code maxDeliveries}: deliveries (crashes and transient failures alike) before a job is
 * dead-lettered. {@code backoffBaseMs}/{@code backoffMaxMs}: exponential retry delay with full jitter.
 * {@code maxActivePerOwner}/{@code maxActive}: unfinished jobs allowed per owner and in all (0: unlimited).
 * {@code retentionSeconds}: how long finished job records are kept (dedupe keys go when the job finishes).
 */
public record QueueOptions(String type, long leaseMs, int maxDeliveries, long backoffBaseMs, long backoffMaxMs,
                           int maxActivePerOwner, int maxActive, long retentionSeconds) {

  public QueueOptions {
    if (type == null || !type.matches("[a-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("queue type must be 1-32 of [a-z0-9-]: " + type);
    }
    if (leaseMs < 100 || maxDeliveries < 1 || backoffBaseMs < 0 || backoffMaxMs < backoffBaseMs
      || retentionSeconds < 1) {
      throw new IllegalArgumentException("bad queue options " + type);
    }
  }

  /** Defaults for a queue: 30 s lease, 3 deliveries, 1 s..60 s backoff, unlimited, one day of history. */
  public static QueueOptions defaults(String type) {
    return new QueueOptions(type, 30_000, 3, 1_000, 60_000, 0, 0, 86_400);
  }

  public QueueOptions withLeaseMs(long value) {
    return new QueueOptions(type, value, maxDeliveries, backoffBaseMs, backoffMaxMs, maxActivePerOwner, maxActive,
      retentionSeconds);
  }

  public QueueOptions withBackoff(long baseMs, long maxMs) {
    return new QueueOptions(type, leaseMs, maxDeliveries, baseMs, maxMs, maxActivePerOwner, maxActive,
      retentionSeconds);
  }

  public QueueOptions withLimits(int perOwner, int total) {
    return new QueueOptions(type, leaseMs, maxDeliveries, backoffBaseMs, backoffMaxMs, perOwner, total,
      retentionSeconds);
  }

  public QueueOptions withMaxDeliveries(int value) {
    return new QueueOptions(type, leaseMs, value, backoffBaseMs, backoffMaxMs, maxActivePerOwner, maxActive,
      retentionSeconds);
  }
}
