package dev.parlor.jobs;

/** What {@link JobQueue#enqueue} did: a new job, the existing job of the same dedupe key, or a refusal. */
public record EnqueueResult(Status status, String jobId) {

  public enum Status {
    CREATED,
    /** The dedupe key already names a live job; {@link #jobId} is that job. */
    DUPLICATE,
    /** The owner has too many unfinished jobs. */
    OWNER_BUSY,
    /** The whole queue has too many unfinished jobs. */
    QUEUE_FULL
  }

  public boolean accepted() {
    return status == Status.CREATED || status == Status.DUPLICATE;
  }
}
