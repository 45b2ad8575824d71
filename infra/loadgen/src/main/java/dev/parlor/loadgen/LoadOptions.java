package dev.parlor.loadgen;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line, {@code --key value} pairs, checked before anything connects: only loopback gateways and
 * loopback source addresses, a bounded duration, and no more connections than the file-descriptor budget allows.
 */
public final class LoadOptions {

  /** At most this many descriptors per process (the machine's rule); sockets plus headroom for the JVM. */
  static final int MAX_FDS = 20_000;
  static final int FD_HEADROOM = 500;
  static final int MAX_DURATION_S = 3_600;
  /** Options read with {@link #flag}: checked here, so that a bad value stops the run before anything connects. */
  private static final List<String> FLAGS = List.of("native-transport", "members-watch", "gc-before-measure", "stagger");

  private final Map<String, String> values;

  private LoadOptions(Map<String, String> values) {
    this.values = values;
  }

  public static LoadOptions parse(String... args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --key value, got " + args[i]);
      }
      values.put(args[i].substring(2), args[++i]);
    }
    LoadOptions options = new LoadOptions(values);
    options.check();
    return options;
  }

  private void check() {
    for (String url : gateways()) {
      requireLoopback(URI.create(url).getHost(), "gateway " + url);
    }
    for (String source : sources()) {
      requireLoopback(source, "source address " + source);
    }
    FLAGS.forEach(key -> flag(key, false));
    int seconds = integer("duration", 10);
    if (seconds <= 0 || seconds > MAX_DURATION_S || integer("warmup", 0) > MAX_DURATION_S) {
      throw new IllegalArgumentException("duration: 1.." + MAX_DURATION_S + " s");
    }
  }

  private static void requireLoopback(String host, String what) {
    try {
      if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException(what + " is not on 127.0.0.0/8: load is only ever sent to this machine");
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(what + ": unknown host");
    }
  }

  /** Refuses a run that would open more sockets than the descriptor budget of one process. */
  void requireConnections(long connections) {
    if (connections + FD_HEADROOM > MAX_FDS) {
      throw new IllegalArgumentException(connections + " connections exceed one process's budget of " + MAX_FDS
        + " descriptors; split the run over several processes (infra/loadgen/run-many)");
    }
  }

  public String scenario() {
    return string("scenario", "hold");
  }

  public List<String> gateways() {
    return List.of(string("url", "http://127.0.0.1:8080").split(","));
  }

  /** {@code 127.0.0.2,127.0.0.3} or a range {@code 127.0.0.2-127.0.0.9}. */
  public List<String> sources() {
    String spec = values.get("sources");
    if (spec == null || spec.isBlank()) {
      return List.of();
    }
    List<String> sources = new ArrayList<>();
    for (String part : spec.split(",")) {
      int dash = part.indexOf('-');
      if (dash < 0) {
        sources.add(part.trim());
        continue;
      }
      String from = part.substring(0, dash).trim();
      String prefix = from.substring(0, from.lastIndexOf('.') + 1);
      int first = Integer.parseInt(from.substring(prefix.length()));
      String to = part.substring(dash + 1).trim();
      int last = Integer.parseInt(to.substring(to.lastIndexOf('.') + 1));
      for (int i = first; i <= last; i++) {
        sources.add(prefix + i);
      }
    }
    return sources;
  }

  public String string(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  public int integer(String key, int fallback) {
    String value = values.get(key);
    return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
  }

  /** {@code true} or {@code false}; anything else is refused rather than read as false. */
  public boolean flag(String key, boolean fallback) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(key + ": true or false, not " + value);
    }
    return Boolean.parseBoolean(value);
  }

  public double decimal(String key, double fallback) {
    String value = values.get(key);
    return value == null ? fallback : Double.parseDouble(value);
  }

  public Map<String, String> all() {
    return Map.copyOf(values);
  }
}
