package dev.parlor.client;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * The raw WebSocket transport. Frames are read one by one so that server pings count as signs of life (Vert.x
 * answers them with pongs itself, which is all PROTOCOL.md asks of a client); fragments are joined here.
 */
final class WebSocketWire implements Wire {

  private final WebSocket socket;
  private final Wire.Listener listener;
  private Buffer partial;
  private boolean closed;

  private WebSocketWire(WebSocket socket, Wire.Listener listener) {
    this.socket = socket;
    this.listener = listener;
  }

  static Wire attach(WebSocket socket, Wire.Listener listener) {
    WebSocketWire wire = new WebSocketWire(socket, listener);
    socket.frameHandler(wire::frame);
    socket.closeHandler(v -> wire.ended(socket.closeStatusCode(), socket.closeReason()));
    socket.exceptionHandler(e -> socket.close());
    return wire;
  }

  private void frame(WebSocketFrame frame) {
    if (frame.isText() || frame.isBinary() || frame.isContinuation()) {
      Buffer data = frame.binaryData();
      if (frame.isFinal()) {
        Buffer message = partial == null ? data : partial.appendBuffer(data);
        partial = null;
        listener.message(message.toString(StandardCharsets.UTF_8));
      } else {
        partial = partial == null ? Buffer.buffer().appendBuffer(data) : partial.appendBuffer(data);
      }
    } else if (!frame.isClose()) {
      listener.heard();
    }
  }

  private void ended(Short code, String reason) {
    if (!closed) {
      closed = true;
      listener.closed(code == null ? -1 : code, reason == null ? "" : reason);
    }
  }

  @Override
  public void send(String message) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(message);
    }
  }

  @Override
  public void close(short code, String reason) {
    if (!socket.isClosed()) {
      socket.close(code, reason);
    }
  }
}
