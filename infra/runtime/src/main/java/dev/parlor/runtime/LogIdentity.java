package dev.parlor.runtime;

import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Names this process in every log event: {@code service} (the comma-joined services it runs) and {@code nodeId}.
 * Log collectors mix the lines of many processes; without these, a JSON line from a game-service cannot be told from
 * one of its neighbour. They are logback context properties, not MDC entries, because MDC is per thread and Vert.x
 * logs from event-loop and worker threads this code never sees. The JSON encoder writes them under
 * {@code "context":{"properties":{…}}}; the text format does not show them (a person reading a console knows which
 * process it is). Events logged before the node id is known carry {@code service} only.
 */
final class LogIdentity {

  static final String SERVICE = "service";
  static final String NODE_ID = "nodeId";

  private LogIdentity() {
  }

  /** Records the services of this process; called as soon as they are known, before configuration loads. */
  static void services(List<String> names) {
    put(SERVICE, String.join(",", names));
    warnOnUnknownFormat();
  }

  /** Records this process's node id; called once the cluster (or the local event bus) has given one. */
  static void nodeId(String nodeId) {
    put(NODE_ID, nodeId);
  }

  private static void put(String key, String value) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      context.putProperty(key, value);
    }
  }

  /** A mistyped format selects no appender, and logback (told to keep quiet on stdout) would say nothing at all. */
  private static void warnOnUnknownFormat() {
    String format = System.getProperty("parlor.log.format", System.getenv().getOrDefault("PARLOR_LOG_FORMAT", "text"));
    if (!format.equals("text") && !format.equals("json")) {
      System.err.println("Log format '" + format + "' (parlor.log.format or PARLOR_LOG_FORMAT) is neither text nor "
        + "json: nothing will be logged");
    }
  }
}
