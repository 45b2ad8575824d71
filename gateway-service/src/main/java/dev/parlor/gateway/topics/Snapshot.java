package dev.parlor.gateway.topics;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a subscribe answers: the topic's snapshot and, for durable topics, its offset, epoch, whether the events after
 * {@code since} could be replayed and those events in offset order.
 */
public record Snapshot(JsonObject snapshot, long offset, String epoch, Boolean recovered, List<TopicEvent> events) {

  public static Snapshot ephemeral(JsonObject snapshot) {
    return new Snapshot(snapshot, -1, null, null, List.of());
  }

  public boolean durable() {
    return epoch != null;
  }

  /** The subscribe reply's result. */
  public JsonObject result(String topic) {
    JsonObject result = new JsonObject().put("topic", topic).put("snapshot", snapshot);
    if (durable()) {
      result.put("offset", offset).put("epoch", epoch);
      if (recovered != null) {
        result.put("recovered", recovered);
      }
    }
    return result;
  }
}
