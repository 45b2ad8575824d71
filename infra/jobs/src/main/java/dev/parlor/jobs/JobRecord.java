package dev.parlor.jobs;

import dev.parlor.contracts.jobs.JobState;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A job as stored: state, owner, payload, deliveries so far, and its outcome ({@code result} when done,
 * {@code errorCode}/{@code errorMessage} when failed).
 */
public record JobRecord(String jobId, JobState state, String owner, JsonObject payload, int deliveries,
                        JsonObject result, String errorCode, String errorMessage, long createdAt, long updatedAt) {

  /** A record from its Redis hash fields; {@code null} when there is none. */
  static JobRecord fromFields(String jobId, Map<String, String> f) {
    if (f.isEmpty() || f.get("state") == null) {
      return null;
    }
    String result = f.get("result");
    return new JobRecord(jobId, JobState.ofWire(f.get("state")), f.get("owner"), new JsonObject(f.get("payload")),
      (int) Replies.asLong(f.get("deliveries")), result == null ? null : new JsonObject(result),
      emptyToNull(f.get("errorCode")), emptyToNull(f.get("errorMessage")), Replies.asLong(f.get("created")),
      Replies.asLong(f.get("updated")));
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** The client view ({@code GET /api/v1/jobs/<id>}): {@code {jobId, state, error?:{code,message}}}. */
  public JsonObject toClientJson() {
    JsonObject json = new JsonObject().put("jobId", jobId).put("state", state.wire());
    if (state == JobState.FAILED) {
      json.put("error", new JsonObject().put("code", errorCode).put("message", errorMessage));
    }
    return json;
  }
}
