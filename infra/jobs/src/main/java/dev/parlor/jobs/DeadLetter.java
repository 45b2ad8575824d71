package dev.parlor.jobs;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Response;
import java.util.Map;

/** An entry of the dead-letter stream: which job, why ({@code code}, {@code message}), after how many deliveries. */
public record DeadLetter(String entryId, String jobId, String code, String message, int deliveries, long at) {

  /** An entry of the dead-letter stream: {@code [id, [field, value, …]]}. */
  static DeadLetter fromEntry(Response entry) {
    Map<String, String> f = Replies.fields(entry.get(1));
    return new DeadLetter(entry.get(0).toString(), f.get("job"), f.get("code"), f.get("message"),
      (int) Replies.asLong(f.get("deliveries")), Replies.asLong(f.get("at")));
  }

  public JsonObject toJson() {
    return new JsonObject().put("entryId", entryId).put("jobId", jobId).put("code", code).put("message", message)
      .put("deliveries", deliveries).put("at", at);
  }
}
