package dev.parlor.gateway.topics;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.protocol.Ops;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * One topic event, encoded once as the client frame: every socket following the topic is sent the same string.
 * {@code offset} is -1 on topics that are not durable.
 */
public record TopicEvent(long offset, String frame) {

  private static final String FRAME_START = "{\"type\":\"" + Ops.EVENT + "\",\"topic\":\"";
  private static final String TEXT_START = "{\"event\":\"";
  private static final String OFFSET_MEMBER = ",\"offset\":";

  /**
   * The frame of a published event. A durable event whose {@link Addresses.Topics#TEXT_HEADER} holds its text is
   * framed from that text, without decoding the body; any other is framed from its body. {@code null} when malformed.
   */
  public static TopicEvent of(TopicName topic, Message<?> message) {
    if (topic.durable()) {
      String text = message.headers().get(Addresses.Topics.TEXT_HEADER);
      TopicEvent event = text == null ? null : fromText(topic, text);
      if (event != null) {
        return event;
      }
    }
    return of(topic, message.body());
  }

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

  /**
   * The frame of a durable event's text {@code {"event":…,"data":…,"offset":N}}: the text with the frame's type and
   * topic put before its members: byte for byte what {@link #of(TopicName, Object)} makes of the event that text
   * encodes, when it has those three members and its data is an object, as the publisher promises. Topic names never
   * need escaping ({@link TopicName#parse}). {@code null} when the text does not have that shape.
   */
  public static TopicEvent fromText(TopicName topic, String text) {
    long offset = trailingOffset(text);
    if (offset < 0 || !text.startsWith(TEXT_START)) {
      return null;
    }
    String frame = new StringBuilder(FRAME_START.length() + topic.name().length() + text.length() + 1)
      .append(FRAME_START).append(topic.name()).append("\",").append(text, 1, text.length()).toString();
    return new TopicEvent(offset, frame);
  }

  /** N when {@code text} ends with the member {@code ,"offset":N} and its closing brace, else -1. */
  private static long trailingOffset(String text) {
    int end = text.length() - 1;
    if (end < 0 || text.charAt(end) != '}') {
      return -1;
    }
    int digits = end;
    while (digits > 0 && text.charAt(digits - 1) >= '0' && text.charAt(digits - 1) <= '9') {
      digits--;
    }
    if (digits == end || end - digits > 18 || !text.startsWith(OFFSET_MEMBER, digits - OFFSET_MEMBER.length())) {
      return -1;
    }
    return Long.parseLong(text, digits, end, 10);
  }
}
