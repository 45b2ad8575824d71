package dev.parlor.loadgen;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One run's result as JSON (the histograms included, so that the reports of several processes merge exactly) and as
 * text for a person.
 */
public final class Report {

  private Report() {
  }

  static JsonObject build(String scenario, LoadOptions options, Metrics metrics, double measuredSeconds,
                          JsonObject figures, String loadBefore) {
    return new JsonObject()
      .put("scenario", scenario)
      .put("label", options.string("label", "p0"))
      .put("options", new JsonObject(Map.copyOf(options.all())))
      .put("finishedAt", Instant.now().toString())
      .put("machine", new JsonObject().put("cores", Runtime.getRuntime().availableProcessors())
        .put("loadAverageBefore", loadBefore).put("loadAverageAfter", loadAverage()))
      .put("measuredSeconds", measuredSeconds)
      .put("figures", figures)
      .put("counters", metrics.countersJson())
      .put("errors", metrics.errorsJson())
      .put("latencies", metrics.latenciesJson());
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * Several processes' reports of one run as one: counters, figures ending in "PerSecond" or "Count" and each
   * process's client tallies (gaps, timeouts, disconnects…) add up; "…Ms", "seconds…" and "…Seconds" figures keep
   * their maximum (a negative one, a time never reached, wins); a yes/no figure is yes only if it is yes in every
   * process; histograms merge.
   */
  static JsonObject merge(JsonArray reports) {
    JsonObject first = reports.getJsonObject(0);
    JsonObject merged = first.copy().put("label", "merged").put("processes", reports.size());
    JsonObject counters = new JsonObject();
    JsonObject errors = new JsonObject();
    JsonObject figures = new JsonObject();
    java.util.Map<String, Histogram> histograms = new java.util.TreeMap<>();
    double seconds = 0;
    for (Object o : reports) {
      JsonObject report = (JsonObject) o;
      seconds = Math.max(seconds, report.getDouble("measuredSeconds", 0.0));
      sum(counters, report.getJsonObject("counters"));
      sum(errors, report.getJsonObject("errors"));
      JsonObject f = report.getJsonObject("figures", new JsonObject());
      for (String key : f.fieldNames()) {
        Object value = f.getValue(key);
        if ((value instanceof Integer || value instanceof Long) && adds(key)) {
          figures.put(key, figures.getLong(key, 0L) + ((Number) value).longValue());
        } else if (value instanceof Number n && adds(key)) {
          figures.put(key, figures.getDouble(key, 0.0) + n.doubleValue());
        } else if (value instanceof Number n && key.endsWith("Ms")) {
          figures.put(key, Math.max(figures.getDouble(key, 0.0), n.doubleValue()));
        } else if (value instanceof Number n && (key.startsWith("seconds") || key.endsWith("Seconds"))
            && figures.containsKey(key)) {
          // The run lasts as long as its slowest process; a negative time (never reached) stays negative.
          double was = figures.getDouble(key);
          figures.put(key, was < 0 || n.doubleValue() < 0 ? -1.0 : Math.max(was, n.doubleValue()));
        } else if (value instanceof Boolean b && figures.containsKey(key)) {
          figures.put(key, b && figures.getBoolean(key)); // e.g. allResumed: only if every process's did
        } else if (!figures.containsKey(key)) {
          figures.put(key, value);
        }
      }
      JsonObject latencies = report.getJsonObject("latencies", new JsonObject());
      for (String name : latencies.fieldNames()) {
        Histogram h = Metrics.decode(latencies.getJsonObject(name).getString("histogram"));
        histograms.merge(name, h, (a, b) -> {
          a.add(b);
          return a;
        });
      }
    }
    JsonObject latencies = new JsonObject();
    histograms.forEach((name, h) -> latencies.put(name, Metrics.summary(h).put("histogram", Metrics.encode(h))));
    return merged.put("measuredSeconds", seconds).put("counters", counters).put("errors", errors)
      .put("figures", figures).put("latencies", latencies);
  }

  /** A figure that is a total over the process's sessions, not a rate per session or a latency. */
  private static boolean adds(String key) {
    return key.endsWith("PerSecond") || key.endsWith("Count")
      || (!key.contains("Per") && (key.startsWith("client") || key.startsWith("disconnects")));
  }

  private static void sum(JsonObject into, JsonObject from) {
    if (from != null) {
      for (String key : from.fieldNames()) {
        into.put(key, into.getLong(key, 0L) + from.getLong(key));
      }
    }
  }

  static String text(JsonObject report) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("scenario %s (%s), %.1f s measured, load average %s -> %s, %d cores%n",
      report.getString("scenario"), report.getString("label"), report.getDouble("measuredSeconds"),
      report.getJsonObject("machine").getString("loadAverageBefore"),
      report.getJsonObject("machine").getString("loadAverageAfter"),
      report.getJsonObject("machine").getInteger("cores")));
    report.getJsonObject("figures").forEach(e -> out.append(String.format("  %-28s %s%n", e.getKey(), e.getValue())));
    out.append(String.format("  %-20s %9s %9s %9s %9s %9s %9s%n", "latency (ms)", "count", "p50", "p90", "p99",
      "p99.9", "max"));
    report.getJsonObject("latencies").forEach(e -> {
      JsonObject l = (JsonObject) e.getValue();
      out.append(String.format("  %-20s %9d %9.2f %9.2f %9.2f %9.2f %9.2f%n", e.getKey(), l.getLong("count"),
        l.getDouble("p50Ms"), l.getDouble("p90Ms"), l.getDouble("p99Ms"), l.getDouble("p999Ms"),
        l.getDouble("maxMs")));
    });
    if (!report.getJsonObject("counters").isEmpty()) {
      out.append("  counters ").append(report.getJsonObject("counters").encode()).append('\n');
    }
    out.append("  errors ").append(report.getJsonObject("errors").encode()).append('\n');
    return out.toString();
  }
}
