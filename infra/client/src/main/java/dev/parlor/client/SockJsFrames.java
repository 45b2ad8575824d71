package dev.parlor.client;

import io.vertx.core.json.JsonArray;
import java.util.List;

/**
 * The framing of SockJS's websocket transport, client side. The server sends {@code o} (open), {@code h} (heartbeat),
 * {@code a["…","…"]} (messages, each a JSON string), {@code m"…"} (one message, older servers) and
 * {@code c[code,"reason"]} (close); the client sends a JSON array of strings.
 */
public final class SockJsFrames {

  /** One decoded server frame. */
  public sealed interface Decoded permits Open, Heartbeat, Messages, Close {
  }

  public record Open() implements Decoded {
  }

  public record Heartbeat() implements Decoded {
  }

  public record Messages(List<String> messages) implements Decoded {
  }

  public record Close(int code, String reason) implements Decoded {
  }

  private static final Open OPEN = new Open();
  private static final Heartbeat HEARTBEAT = new Heartbeat();

  private SockJsFrames() {
  }

  /** Decodes one websocket text frame; throws {@link IllegalArgumentException} for anything SockJS never sends. */
  public static Decoded decode(String frame) {
    if (frame.isEmpty()) {
      throw new IllegalArgumentException("empty SockJS frame");
    }
    try {
      return switch (frame.charAt(0)) {
        case 'o' -> OPEN;
        case 'h' -> HEARTBEAT;
        case 'a' -> new Messages(strings(new JsonArray(frame.substring(1))));
        case 'm' -> new Messages(List.of((String) io.vertx.core.json.Json.decodeValue(frame.substring(1))));
        case 'c' -> {
          JsonArray close = new JsonArray(frame.substring(1));
          yield new Close(close.getInteger(0), close.size() > 1 ? close.getString(1) : "");
        }
        default -> throw new IllegalArgumentException("unknown SockJS frame " + frame.charAt(0));
      };
    } catch (RuntimeException e) {
      throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException("bad SockJS frame", e);
    }
  }

  private static List<String> strings(JsonArray array) {
    String[] messages = new String[array.size()];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = array.getString(i);
    }
    return List.of(messages);
  }

  /** One client message as a SockJS send frame. */
  public static String encode(String message) {
    return new JsonArray().add(message).encode();
  }
}
