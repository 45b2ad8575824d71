package dev.parlor.jobs;

import dev.parlor.contracts.jobs.JobState;
import io.vertx.core.json.JsonObject;

/**
 * A job as stored: state, owner, payload, deliveries so far, and its outcome ({@code result} when done,
 * {@code errorCode}/{@code errorMessage} when failed).
 */
public record JobRecord(String jobId, JobState state, String owner, JsonObject payload, int deliveries,
                        JsonObject result, String errorCode, String errorMessage, long createdAt, long updatedAt) {

  /** The client view ({@code GET /api/v1/jobs/<id>}): {@code {jobId, state, error?:{code,message}}}. */
  public JsonObject toClientJson() {
    JsonObject json = new JsonObject().put("jobId", jobId).put("state", state.wire());
    if (state == JobState.FAILED) {
      json.put("error", new JsonObject().put("code", errorCode).put("message", errorMessage));
    }
    return json;
  }
}
