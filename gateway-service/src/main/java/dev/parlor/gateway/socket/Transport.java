package dev.parlor.gateway.socket;

/**
 * One client connection, whatever carries it (a WebSocket, a SockJS session): text messages out, back-pressure, a
 * close, and pings. Nothing above this interface knows the transport.
 */
public interface Transport {

  /** True when the transport's own buffer is full and writing more would only grow memory. */
  boolean writeQueueFull();

  void write(String text);

  /** Called once, when a full write queue has room again. */
  void onDrain(Runnable drain);

  void close(short code, String reason);

  /**
   * Whether the gateway pings this transport and judges the peer's silence. SockJS keeps its own heartbeats and its
   * clients are not expected to send anything when idle, so it answers false.
   */
  boolean pings();

  void ping();

  /** The peer's IP address, for per-IP limits. */
  String remoteIp();
}
