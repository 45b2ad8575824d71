package dev.parlor.gateway.socket;

import io.vertx.core.Future;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A SockJS session (any of its transports) carrying a {@link ClientSession}. SockJS hands over whole messages, so the
 * size limit applies to one message. SockJS sends its own heartbeats and times out polling clients itself.
 */
public final class SockJsTransport implements Transport {

  private final SockJSSocket socket;
  private ClientSession session;
  private Runnable drain;
  private boolean closed;
  private Future<Void> lastWrite = Future.succeededFuture();

  private SockJsTransport(SockJSSocket socket) {
    this.socket = socket;
  }

  public static ClientSession attach(SockJSSocket socket, int maxMessageBytes, int writeQueueChars,
                                     Function<Transport, ClientSession> sessions, Runnable onClose) {
    SockJsTransport transport = new SockJsTransport(socket);
    transport.session = sessions.apply(transport);
    socket.setWriteQueueMaxSize(writeQueueChars);
    socket.handler(message -> {
      if (message.length() > maxMessageBytes) {
        transport.session.onTooLarge();
      } else {
        transport.session.onMessage(message.toString(StandardCharsets.UTF_8));
      }
    });
    socket.drainHandler(v -> transport.drained());
    socket.closeHandler(v -> {
      transport.closed = true;
      transport.session.onClosed();
      onClose.run();
    });
    socket.exceptionHandler(e -> socket.close());
    return transport.session;
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
    return socket.writeQueueFull();
  }

  @Override
  public void write(String text) {
    if (!closed) {
      lastWrite = socket.write(text);
    }
  }

  @Override
  public void onDrain(Runnable drain) {
    this.drain = drain;
  }

  @Override
  public void close(short code, String reason) {
    if (!closed) {
      closed = true;
      // On polling transports a write waits for the client's next poll; closing at once would lose the error frame
      // that explains the close. A client that never polls again is timed out by SockJS itself.
      lastWrite.onComplete(v -> socket.close(code, reason));
    }
  }

  @Override
  public boolean pings() {
    return false;
  }

  @Override
  public void ping() {
  }

  @Override
  public String remoteIp() {
    return socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().host();
  }
}
