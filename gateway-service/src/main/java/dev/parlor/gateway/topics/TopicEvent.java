package dev.parlor.gateway.topics;

import dev.parlor.contracts.protocol.Ops;
import io.vertx.core.json.JsonObject;

/**
 * One topic event, encoded once as the client frame: every socket following the topic is sent the same string.
 * {@code offset} is -1 on topics that are not durable.
 */
public record TopicEvent(long offset, String frame) {

  /** The frame of an event published as {@code {event, data, offset?}}; {@code null} when the body is malformed. */
  public static TopicEvent of(TopicName topic, Object body) {
    if (!(body instanceof JsonObject message) || !(message.getValue("event") instanceof String name)) {
      return null;
    }
    Object data = message.getValue("data");
    JsonObject frame = new JsonObject().put("type", Ops.EVENT).put("topic", topic.name()).put("event", name)
      .put("data", data instanceof JsonObject ? data : new JsonObject());
    if (!topic.durable()) {
      return new TopicEvent(-1, frame.encode());
    }
    if (!(message.getValue("offset") instanceof Number offset)) {
      return null;
    }
    return new TopicEvent(offset.longValue(), frame.put("offset", offset.longValue()).encode());
  }
}
