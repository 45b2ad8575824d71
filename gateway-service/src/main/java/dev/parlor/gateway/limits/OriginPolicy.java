package dev.parlor.gateway.limits;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which browser pages may open a connection. A request without {@code Origin} (a non-browser client) passes; with
 * one, it passes when the origin is listed, when {@code *} is listed, or, with an empty list, when it names the very
 * host the request was sent to (same origin).
 */
public final class OriginPolicy {

  private final List<String> allowed;

  public OriginPolicy(List<String> allowed) {
    this.allowed = allowed.stream().map(OriginPolicy::normalize).toList();
  }

  public boolean allows(String origin, String host) {
    if (origin == null || origin.isEmpty()) {
      return true;
    }
    String normalized = normalize(origin);
    if (allowed.isEmpty()) {
      return host != null && sameHost(normalized, host);
    }
    return allowed.contains("*") || allowed.contains(normalized);
  }

  private static boolean sameHost(String origin, String host) {
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null) {
        return false;
      }
      int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      String expected = host.toLowerCase(Locale.ROOT);
      String authority = uri.getHost() + ":" + port;
      return expected.equals(authority) || (!expected.contains(":") && (port == 80 || port == 443)
        && expected.equals(uri.getHost()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String normalize(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }
}
