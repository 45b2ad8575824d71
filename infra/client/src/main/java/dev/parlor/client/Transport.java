package dev.parlor.client;

/** How a session reaches the gateway: raw WebSocket at {@code /ws}, or SockJS's websocket transport at {@code /sockjs}. */
public enum Transport {
  WEBSOCKET,
  SOCKJS;

  public static Transport parse(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "ws", "websocket" -> WEBSOCKET;
      case "sockjs" -> SOCKJS;
      default -> throw new IllegalArgumentException("transport: ws or sockjs, not " + name);
    };
  }
}
