package dev.parlor.client;

/**
 * One open connection carrying protocol messages, whatever the transport. Its events go to the {@link Listener}
 * given when it was opened, on the event loop of the session that opened it.
 */
interface Wire {

  void send(String message);

  /** Closes from our side; the listener still hears {@code closed}. */
  void close(short code, String reason);

  interface Listener {

    void message(String message);

    /** Anything that proves the peer alive (a ping, a SockJS heartbeat). */
    void heard();

    /** Once, however the connection ended; {@code code} -1 when none was given. */
    void closed(int code, String reason);
  }
}
