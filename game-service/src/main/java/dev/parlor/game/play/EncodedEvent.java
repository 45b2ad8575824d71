package dev.parlor.game.play;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A topic event published with the JSON text it was stored with, so that it is encoded once, not once for Redis and
 * again for the event bus. Vert.x's JSON-object codec puts {@link #toBuffer()} on the wire, so other processes
 * receive the same bytes as from any {@link JsonObject}; a consumer in this process is handed a plain copy
 * ({@link JsonObject#copy()}). The same text goes out in the event's {@code parlor-text} header, which gateways write
 * to their sockets as it is. Only this package makes one, only {@link Publisher} hands it out, to the event bus alone,
 * and nothing changes it after it is made: its text would no longer say what its map does.
 */
public final class EncodedEvent extends JsonObject {

  private final String text;
  private final Buffer bytes;

  private EncodedEvent(Map<String, Object> map, String text) {
    super(map);
    this.text = text;
    this.bytes = Buffer.buffer(text);
  }

  /**
   * {@code event} (encoded as {@code text}) with its {@code offset} as one more member: the text gains it before its
   * closing brace, the map after its other members, so the two say the same.
   */
  static EncodedEvent withOffset(JsonObject event, String text, long offset) {
    if (text.isEmpty() || text.charAt(text.length() - 1) != '}' || event.containsKey("offset")) {
      throw new IllegalArgumentException("not the text of a JSON object without an offset: " + text);
    }
    Map<String, Object> map = new LinkedHashMap<>(event.getMap());
    map.put("offset", offset);
    return new EncodedEvent(map, text.substring(0, text.length() - 1) + ",\"offset\":" + offset + '}');
  }

  @Override
  public String encode() {
    return text;
  }

  @Override
  public Buffer toBuffer() {
    return bytes;
  }
}
