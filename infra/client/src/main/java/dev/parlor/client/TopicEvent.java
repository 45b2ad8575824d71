package dev.parlor.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.JsonObject;
import java.io.IOException;

/**
 * One {@code event} frame; {@code offset} is -1 on topics that are not durable. Its {@link #data()} is parsed when it
 * is first asked for: a session that follows many topics routes, orders and counts events by their envelope alone,
 * and a handler that looks only at the offset never pays for the body.
 */
public final class TopicEvent {

  private static final JsonFactory JSON = new JsonFactory();

  private final String topic;
  private final String event;
  private final long offset;
  private String dataText;
  private JsonObject data;

  public TopicEvent(String topic, String event, JsonObject data, long offset) {
    this(topic, event, offset, null, data);
  }

  private TopicEvent(String topic, String event, long offset, String dataText, JsonObject data) {
    this.topic = topic;
    this.event = event;
    this.offset = offset;
    this.dataText = dataText;
    this.data = data;
  }

  static TopicEvent fromFrame(JsonObject frame) {
    Long offset = frame.getLong("offset");
    return new TopicEvent(frame.getString("topic"), frame.getString("event"), frame.getJsonObject("data"),
      offset == null ? -1 : offset);
  }

  /**
   * The event in the text of a frame, read without building its data, or {@code null} when the frame is anything
   * else (another type, data that is not an object, not JSON): then it is read whole, as every other frame.
   */
  static TopicEvent fromText(String text) {
    String type = null;
    String topic = null;
    String event = null;
    long offset = -1;
    String dataText = null;
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "type" -> {
            type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            if (!"event".equals(type)) {
              return null; // a reply or a control frame: read whole, without streaming through it first
            }
          }
          case "topic" -> topic = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          case "event" -> event = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          case "offset" -> offset = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
          case "data" -> {
            if (value != JsonToken.START_OBJECT) {
              return null;
            }
            int start = (int) parser.getTokenLocation().getCharOffset();
            parser.skipChildren();
            dataText = text.substring(start, (int) parser.getCurrentLocation().getCharOffset());
          }
          default -> parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (!"event".equals(type) || topic == null || event == null || dataText == null) {
      return null;
    }
    return new TopicEvent(topic, event, offset, dataText, null);
  }

  public String topic() {
    return topic;
  }

  public String event() {
    return event;
  }

  /** The event's body; parsed on the first call. */
  public synchronized JsonObject data() {
    if (data == null && dataText != null) {
      data = new JsonObject(dataText);
      dataText = null;
    }
    return data;
  }

  public long offset() {
    return offset;
  }

  public boolean durable() {
    return offset >= 0;
  }

  @Override
  public String toString() {
    return "TopicEvent[topic=" + topic + ", event=" + event + ", offset=" + offset + "]";
  }
}
