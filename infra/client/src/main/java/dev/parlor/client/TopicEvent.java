package dev.parlor.client;

import io.vertx.core.json.JsonObject;

/** One {@code event} frame; {@code offset} is -1 on topics that are not durable. */
public record TopicEvent(String topic, String event, JsonObject data, long offset) {

  static TopicEvent fromFrame(JsonObject frame) {
    Long offset = frame.getLong("offset");
    return new TopicEvent(frame.getString("topic"), frame.getString("event"), frame.getJsonObject("data"),
      offset == null ? -1 : offset);
  }

  public boolean durable() {
    return offset >= 0;
  }
}
