package dev.parlor.client;

import io.vertx.core.json.JsonObject;

/**
 * A failed op or session step: the protocol error {@code code} (from the server's error frame or REST error), or one
 * of the client's own: {@code timeout} (no reply in time), {@code disconnected} (the connection went away with the
 * request in flight; it may or may not have been executed), {@code closed} (the session was closed by its owner).
 */
public final class ClientError extends RuntimeException {

  public static final String TIMEOUT = "timeout";
  public static final String DISCONNECTED = "disconnected";
  public static final String CLOSED = "closed";

  private final String code;

  public ClientError(String code, String message) {
    super(code + ": " + message, null, false, false);
    this.code = code;
  }

  /** From a server {@code error} frame. */
  public static ClientError fromFrame(JsonObject frame) {
    return new ClientError(frame.getString("code", "internal"), frame.getString("message", ""));
  }

  public String code() {
    return code;
  }

  /** Whether the same request may succeed later: the server was busy or unreachable, nothing was refused. */
  public boolean retriable() {
    return switch (code) {
      case TIMEOUT, DISCONNECTED, "unavailable", "internal", "rate_limited" -> true;
      default -> false;
    };
  }
}
