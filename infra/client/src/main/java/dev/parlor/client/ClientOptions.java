package dev.parlor.client;

import java.util.List;

/**
 * How a {@link ParlorClient} reaches the gateways. Sessions are spread round-robin over {@code gatewayUrls}
 * ({@code http://host:port}) and over {@code localAddresses} (source addresses such as 127.0.0.2; empty: the
 * system's choice), which is how one process opens more connections than one address pair allows.
 */
public record ClientOptions(List<String> gatewayUrls, List<String> localAddresses, Transport transport,
                            long requestTimeoutMs, long backoffBaseMs, long backoffCapMs, long tickMs) {

  public ClientOptions {
    if (gatewayUrls.isEmpty()) {
      throw new IllegalArgumentException("at least one gateway URL");
    }
    gatewayUrls = List.copyOf(gatewayUrls);
    localAddresses = List.copyOf(localAddresses);
  }

  /** One gateway, WebSocket, 5 s request timeout, reconnects after 0–250 ms doubling up to 0–10 s. */
  public static ClientOptions of(String gatewayUrl) {
    return new ClientOptions(List.of(gatewayUrl), List.of(), Transport.WEBSOCKET, 5_000, 250, 10_000, 10);
  }

  public ClientOptions withTransport(Transport transport) {
    return new ClientOptions(gatewayUrls, localAddresses, transport, requestTimeoutMs, backoffBaseMs, backoffCapMs,
      tickMs);
  }

  public ClientOptions withGateways(List<String> urls) {
    return new ClientOptions(urls, localAddresses, transport, requestTimeoutMs, backoffBaseMs, backoffCapMs, tickMs);
  }

  public ClientOptions withLocalAddresses(List<String> addresses) {
    return new ClientOptions(gatewayUrls, addresses, transport, requestTimeoutMs, backoffBaseMs, backoffCapMs, tickMs);
  }

  public ClientOptions withRequestTimeoutMs(long ms) {
    return new ClientOptions(gatewayUrls, localAddresses, transport, ms, backoffBaseMs, backoffCapMs, tickMs);
  }

  public ClientOptions withBackoff(long baseMs, long capMs) {
    return new ClientOptions(gatewayUrls, localAddresses, transport, requestTimeoutMs, baseMs, capMs, tickMs);
  }
}
