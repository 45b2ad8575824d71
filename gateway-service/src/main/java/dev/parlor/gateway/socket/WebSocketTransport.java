package dev.parlor.gateway.socket;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A WebSocket carrying a {@link ClientSession}. It joins fragmented messages itself so that it can count their UTF-8
 * bytes and answer {@code too_large} before closing, which the server's own limit would not do.
 */
public final class WebSocketTransport implements Transport {

  private final ServerWebSocket socket;
  private final int maxMessageBytes;
  private ClientSession session;
  private Buffer partial;
  private Runnable drain;

  private WebSocketTransport(ServerWebSocket socket, int maxMessageBytes) {
    this.socket = socket;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** Wires a socket to the session the factory makes for it; {@code onClose} runs once when it closes. */
  public static ClientSession attach(ServerWebSocket socket, int maxMessageBytes, int writeQueueBytes,
                                     Function<Transport, ClientSession> sessions, Runnable onClose) {
    UpgradeRelease.release(socket);
    WebSocketTransport transport = new WebSocketTransport(socket, maxMessageBytes);
    transport.session = sessions.apply(transport);
    socket.setWriteQueueMaxSize(writeQueueBytes);
    socket.frameHandler(transport::frame);
    socket.drainHandler(v -> transport.drained());
    socket.closeHandler(v -> {
      transport.session.onClosed();
      onClose.run();
    });
    socket.exceptionHandler(e -> socket.close());
    return transport.session;
  }

  private void frame(WebSocketFrame frame) {
    if (frame.isClose()) {
      return;
    }
    if (frame.isPing() || frame.type() == WebSocketFrameType.PONG) {
      session.onHeard();
      return;
    }
    Buffer data = frame.binaryData();
    if (!frame.isContinuation()) {
      partial = null;
    }
    int size = (partial == null ? 0 : partial.length()) + data.length();
    if (size > maxMessageBytes) {
      partial = null;
      session.onTooLarge();
      return;
    }
    if (frame.isFinal()) {
      Buffer message = partial == null ? data : partial.appendBuffer(data);
      partial = null;
      session.onMessage(message.toString(StandardCharsets.UTF_8));
    } else {
      partial = partial == null ? Buffer.buffer(data.length() * 2).appendBuffer(data) : partial.appendBuffer(data);
      session.onHeard();
    }
  }

  private void drained() {
    Runnable pending = drain;
    drain = null;
    if (pending != null) {
      pending.run();
    }
  }

  @Override
  public boolean writeQueueFull() {
    // A closed socket refuses the question (IllegalStateException); nothing queues on it any more.
    return !socket.isClosed() && socket.writeQueueFull();
  }

  @Override
  public void write(String text) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(text);
    }
  }

  @Override
  public void onDrain(Runnable drain) {
    this.drain = drain;
  }

  @Override
  public void close(short code, String reason) {
    if (!socket.isClosed()) {
      socket.close(code, reason);
    }
  }

  @Override
  public boolean pings() {
    return true;
  }

  @Override
  public void ping() {
    if (!socket.isClosed()) {
      socket.writePing(Buffer.buffer());
    }
  }

  @Override
  public String remoteIp() {
    return socket.remoteAddress().host();
  }
}
