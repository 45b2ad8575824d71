package dev.parlor.jobs;

/**
 * A failed delivery with a stable {@code code}. Permanent failures (bad input) go straight to the dead-letter stream;
 * transient ones are retried with backoff until the job runs out of deliveries.
 */
public final class JobFailure extends RuntimeException {

  private final String code;
  private final boolean permanent;

  private JobFailure(String code, String message, boolean permanent) {
    super(message, null, false, false);
    this.code = code;
    this.permanent = permanent;
  }

  public static JobFailure permanent(String code, String message) {
    return new JobFailure(code, message, true);
  }

  public static JobFailure transientFailure(String code, String message) {
    return new JobFailure(code, message, false);
  }

  public String code() {
    return code;
  }

  public boolean permanent() {
    return permanent;
  }
}
