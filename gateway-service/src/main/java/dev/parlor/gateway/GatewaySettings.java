package dev.parlor.gateway;

/** Keys of the gateway; defaults in {@code conf/gateway.json}, documented in docs/configuration.md. */
public final class GatewaySettings {

  public static final String HTTP_PORT = "gateway.http.port";
  public static final String HTTP_HOST = "gateway.http.host";
  public static final String MANAGEMENT_PORT = "gateway.management.port";
  public static final String INSTANCES = "gateway.instances";
  public static final String TOKEN_SECRET = "gateway.token.secret";
  public static final String TOKEN_TTL_SECONDS = "gateway.token.ttl-seconds";
  public static final String HEARTBEAT_MS = "gateway.heartbeat-ms";
  public static final String HELLO_TIMEOUT_MS = "gateway.hello-timeout-ms";
  public static final String MAX_MESSAGE_BYTES = "gateway.max-message-bytes";

  private GatewaySettings() {
  }
}
