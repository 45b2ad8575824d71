package dev.parlor.client;

import io.vertx.core.http.WebSocket;

/**
 * SockJS's websocket transport: the same protocol messages, wrapped in SockJS frames. The session counts as open once
 * the server's {@code o} frame arrived; SockJS heartbeats ({@code h}) are the signs of life.
 */
final class SockJsWire implements Wire {

  private final WebSocket socket;
  private final Wire.Listener listener;
  private boolean closed;

  private SockJsWire(WebSocket socket, Wire.Listener listener) {
    this.socket = socket;
    this.listener = listener;
  }

  static Wire attach(WebSocket socket, Wire.Listener listener) {
    SockJsWire wire = new SockJsWire(socket, listener);
    socket.textMessageHandler(wire::frame);
    socket.closeHandler(v -> wire.ended(socket.closeStatusCode() == null ? -1 : socket.closeStatusCode(),
      socket.closeReason()));
    socket.exceptionHandler(e -> socket.close());
    return wire;
  }

  private void frame(String text) {
    SockJsFrames.Decoded decoded;
    try {
      decoded = SockJsFrames.decode(text);
    } catch (IllegalArgumentException e) {
      socket.close((short) 1002, "bad SockJS frame");
      return;
    }
    if (decoded instanceof SockJsFrames.Messages messages) {
      for (String message : messages.messages()) {
        listener.message(message);
      }
    } else if (decoded instanceof SockJsFrames.Close close) {
      ended(close.code(), close.reason());
      socket.close();
    } else {
      listener.heard();
    }
  }

  private void ended(int code, String reason) {
    if (!closed) {
      closed = true;
      listener.closed(code, reason == null ? "" : reason);
    }
  }

  @Override
  public void send(String message) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(SockJsFrames.encode(message));
    }
  }

  @Override
  public void close(short code, String reason) {
    if (!socket.isClosed()) {
      socket.close(code, reason);
    }
  }
}
