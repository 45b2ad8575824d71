package dev.parlor.contracts;

import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;

/**
 * Who is asking. The gateway authenticates and puts the caller in event-bus headers; services take identity only from
 * there, never from a message body.
 */
public record Caller(String userId, String name, String sessionId, String gatewayId) {

  public static final String USER_ID = "parlor-user-id";
  public static final String USER_NAME = "parlor-user-name";
  public static final String SESSION_ID = "parlor-session-id";
  public static final String GATEWAY_ID = "parlor-gateway-id";

  /** The caller named by a message's headers, or {@code null} when the message carries no identity. */
  public static Caller fromHeaders(MultiMap headers) {
    String userId = headers.get(USER_ID);
    if (userId == null || userId.isEmpty()) {
      return null;
    }
    return new Caller(userId, headers.get(USER_NAME), headers.get(SESSION_ID), headers.get(GATEWAY_ID));
  }

  /** Puts this caller in the headers of a request. */
  public DeliveryOptions addTo(DeliveryOptions options) {
    options.addHeader(USER_ID, userId);
    if (name != null) {
      options.addHeader(USER_NAME, name);
    }
    if (sessionId != null) {
      options.addHeader(SESSION_ID, sessionId);
    }
    if (gatewayId != null) {
      options.addHeader(GATEWAY_ID, gatewayId);
    }
    return options;
  }
}
