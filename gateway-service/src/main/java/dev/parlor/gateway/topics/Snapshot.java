package dev.parlor.gateway.topics;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a subscribe answers: the topic's snapshot and, for durable topics, its offset, epoch, whether the events after
 * {@code since} could be replayed and those events in offset order. One answer may serve many subscribers
 * ({@link Snapshots} shares a game's among the spectators resuming it together), so the snapshot is encoded once, on
 * the first reply, and neither it nor the events are changed after.
 */
public final class Snapshot {

  private final JsonObject snapshot;
  private final long offset;
  private final String epoch;
  private final Boolean recovered;
  private final List<TopicEvent> events;
  /** The snapshot's JSON text, once a reply asked for it; used on one event loop. */
  private String snapshotText;

  public Snapshot(JsonObject snapshot, long offset, String epoch, Boolean recovered, List<TopicEvent> events) {
    this.snapshot = snapshot;
    this.offset = offset;
    this.epoch = epoch;
    this.recovered = recovered;
    this.events = events;
  }

  public static Snapshot ephemeral(JsonObject snapshot) {
    return new Snapshot(snapshot, -1, null, null, List.of());
  }

  public JsonObject snapshot() {
    return snapshot;
  }

  public long offset() {
    return offset;
  }

  public String epoch() {
    return epoch;
  }

  public Boolean recovered() {
    return recovered;
  }

  public List<TopicEvent> events() {
    return events;
  }

  public boolean durable() {
    return epoch != null;
  }

  /**
   * The subscribe reply's result as JSON text, {@code {"topic","snapshot","offset"?,"epoch"?,"recovered"?}}. Topic
   * names never need escaping ({@link TopicName#parse}).
   */
  public String resultText(String topic) {
    String encoded = snapshotText;
    if (encoded == null) {
      encoded = snapshot.encode();
      snapshotText = encoded;
    }
    StringBuilder result = new StringBuilder(encoded.length() + topic.length() + 96)
      .append("{\"topic\":\"").append(topic).append("\",\"snapshot\":").append(encoded);
    if (durable()) {
      result.append(",\"offset\":").append(offset).append(",\"epoch\":").append(Json.encode(epoch));
      if (recovered != null) {
        result.append(",\"recovered\":").append(recovered.booleanValue());
      }
    }
    return result.append('}').toString();
  }
}
