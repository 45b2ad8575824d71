package dev.parlor.jobs;

import io.vertx.core.json.JsonObject;

/** An entry of the dead-letter stream: which job, why ({@code code}, {@code message}), after how many deliveries. */
public record DeadLetter(String entryId, String jobId, String code, String message, int deliveries, long at) {

  public JsonObject toJson() {
    return new JsonObject().put("entryId", entryId).put("jobId", jobId).put("code", code).put("message", message)
      .put("deliveries", deliveries).put("at", at);
  }
}
