package dev.parlor.jobs;

import io.vertx.core.json.JsonObject;

/**
 * A queue's health. {@code depth}: unfinished jobs (waiting, running, or waiting for a retry); {@code lag}: entries
 * not yet delivered to any worker; {@code pending}: delivered and not finished; {@code delayed}: waiting for a retry
 * backoff; {@code oldestPendingAgeMs}/{@code oldestQueuedAgeMs}: age of the oldest delivered and of the oldest
 * unfinished stream entry; counters since the queue was created.
 */
public record QueueMetrics(String type, long depth, long lag, long pending, long delayed, long oldestPendingAgeMs,
                           long oldestQueuedAgeMs, long retries, long deadLetters, long deadLettersTotal, long done) {

  public JsonObject toJson() {
    return new JsonObject().put("type", type).put("depth", depth).put("lag", lag).put("pending", pending)
      .put("delayed", delayed).put("oldestPendingAgeMs", oldestPendingAgeMs)
      .put("oldestQueuedAgeMs", oldestQueuedAgeMs).put("retries", retries).put("deadLetters", deadLetters)
      .put("deadLettersTotal", deadLettersTotal).put("done", done);
  }
}
