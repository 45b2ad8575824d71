package dev.parlor.contracts.jobs;

/**
 * The job-queue contract shared by producers (the gateway) and workers. Every queue named {@code <type>} lives in
 * Redis under {@code jobs:<type>:} (a stream {@code jobs:<type>:stream} read by the consumer group
 * {@code <type>-workers}, job records {@code jobs:<type>:job:<jobId>}, a delayed-retry sorted set and a dead-letter
 * stream {@code jobs:<type>:dead}); the library {@code parlor-jobs} is the only code that touches those keys.
 */
public final class JobQueues {

  /** Avatar thumbnails: one job per distinct (user, image) upload. */
  public static final String THUMBNAIL = "thumbnail";

  private JobQueues() {
  }

  /** Key prefix of the queue {@code type}. */
  public static String keyPrefix(String type) {
    return "jobs:" + type + ":";
  }

  /** Consumer group of the workers of {@code type}. */
  public static String group(String type) {
    return type + "-workers";
  }

  /**
   * Event-bus admin API served by every worker of {@code type}: {@code metrics} {@code {}} → queue metrics;
   * {@code dead.list} {@code {count?}} → {@code {jobs:[…]}}; {@code dead.retry} {@code {jobId}} → {@code {retried}};
   * {@code dead.purge} {@code {}} → {@code {purged}}.
   */
  public static String adminAddress(String type, String operation) {
    return "parlor.jobs." + type + "." + operation;
  }

  public static final String OP_METRICS = "metrics";
  public static final String OP_DEAD_LIST = "dead.list";
  public static final String OP_DEAD_RETRY = "dead.retry";
  public static final String OP_DEAD_PURGE = "dead.purge";
}
