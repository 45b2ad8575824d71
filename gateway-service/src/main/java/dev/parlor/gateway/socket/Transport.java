package dev.parlor.gateway.socket;

/** One client connection, whatever carries it (a WebSocket, a SockJS session): text frames out, and a close. */
public interface Transport {

  void send(String text);

  void close(short code, String reason);
}
