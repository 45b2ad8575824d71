package dev.parlor.gateway.socket;

import io.netty.channel.ChannelHandler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets go of the HTTP/1.1 connection a WebSocket was upgraded from, which Vert.x 5 otherwise keeps for the life of
 * the socket: the channel's {@code VertxHandler} holds on to the factory that made the WebSocket connection, and that
 * factory (a lambda of the handshaker) captures the HTTP connection with its outbound queue (a 1,024-slot array),
 * the upgrade request, its response and both header maps. That is 6.5 KiB of heap per open WebSocket, 40% of a bare
 * Vert.x WebSocket's 15.2 KiB, and 5.9 KiB of a gateway session's 18.6 (docs/benchmarks.md, "Gateway"). The factory
 * runs once, when the handler joins the pipeline, so the handler never needs it again. Vert.x Web's wrapper around a
 * routed socket is looked through.
 *
 * <p>The field is private and final in Vert.x, so this is reflection on its internals: if a Vert.x version renames
 * it, or the JVM refuses to write a final field, it logs once and does nothing, which costs memory and nothing else.
 * {@code UpgradeReleaseTest} fails when the retention is gone upstream or this stops working.
 */
public final class UpgradeRelease {

  private static final Logger LOG = LoggerFactory.getLogger(UpgradeRelease.class);
  private static final String FIELD = "connectionFactory";
  private static final String DELEGATE = "delegate";
  private static volatile Field factory;
  private static volatile Field delegate;
  private static volatile boolean unavailable;

  private UpgradeRelease() {
  }

  /**
   * Clears the WebSocket channel handler's connection factory; call on the socket's event loop once the upgrade is
   * done. Answers whether it did.
   */
  public static boolean release(ServerWebSocket socket) {
    if (unavailable) {
      return false;
    }
    try {
      if (!(unwrap(socket) instanceof WebSocketInternal internal)) {
        throw new IllegalStateException("not a Vert.x WebSocket: " + socket.getClass().getName());
      }
      ChannelHandler handler = internal.channelHandlerContext().handler();
      Field field = factory;
      if (field == null || field.getDeclaringClass() != handler.getClass()) {
        field = handler.getClass().getDeclaredField(FIELD);
        field.setAccessible(true);
        factory = field;
      }
      field.set(handler, null);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      unavailable = true;
      LOG.info("Cannot release the HTTP connection of upgraded WebSockets ({}): each keeps about 6.5 KiB more heap", e
        .toString());
      return false;
    }
  }

  /** The socket under Vert.x Web's wrapper (a router's {@code toWebSocket()} wraps it to rewrite the authority). */
  private static ServerWebSocket unwrap(ServerWebSocket socket) throws ReflectiveOperationException {
    if (socket instanceof WebSocketInternal) {
      return socket;
    }
    Field field = delegate;
    if (field == null || field.getDeclaringClass() != socket.getClass()) {
      field = socket.getClass().getDeclaredField(DELEGATE);
      field.setAccessible(true);
      delegate = field;
    }
    return (ServerWebSocket) field.get(socket);
  }
}
