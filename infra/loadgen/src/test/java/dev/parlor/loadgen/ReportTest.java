package dev.parlor.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static JsonObject report(String label, long fromMicros, long toMicros) {
    Metrics metrics = new Metrics();
    metrics.startMeasuring();
    for (long v = fromMicros; v <= toMicros; v++) {
      metrics.micros("move", v);
      metrics.count("moves");
    }
    metrics.error(new dev.parlor.client.ClientError("rate_limited", "x"));
    return Report.build("games", LoadOptions.parse("--label", label), metrics, 10,
      new JsonObject().put("movesPerSecond", 100.0).put("worstMs", 3.0).put("clientTimeouts", toMicros / 1000)
        .put("disconnectsWhileIdle", 1L).put("clientHeapPerSessionBytes", 16_000L), "0.1 0.1 0.1");
  }

  @Test
  void mergedReportsAddThroughputAndMergeHistogramsExactly() {
    JsonObject merged = Report.merge(new JsonArray().add(report("p0", 1, 1000)).add(report("p1", 1001, 2000)));
    assertEquals(200.0, merged.getJsonObject("figures").getDouble("movesPerSecond"));
    assertEquals(3.0, merged.getJsonObject("figures").getDouble("worstMs"), "maxima stay maxima");
    assertEquals(2000L, merged.getJsonObject("counters").getLong("moves"));
    assertEquals(2L, merged.getJsonObject("errors").getLong("rate_limited"));
    JsonObject move = merged.getJsonObject("latencies").getJsonObject("move");
    assertEquals(2000L, move.getLong("count"));
    assertEquals(1.0, move.getDouble("p50Ms"), 0.01, "the median of 1..2000 µs is 1 ms");
    assertEquals(3L, merged.getJsonObject("figures").getLong("clientTimeouts"), "each process's tallies add up");
    assertEquals(2L, merged.getJsonObject("figures").getLong("disconnectsWhileIdle"));
    assertEquals(16_000L, merged.getJsonObject("figures").getLong("clientHeapPerSessionBytes"), "a per-session figure");
    assertTrue(Report.text(merged).contains("move"));
  }

  @Test
  void aMergedRunLastsAsLongAsItsSlowestProcessAndIsCompleteOnlyIfEveryProcessIs() {
    JsonObject fast = storm("p0", true, 16.1);
    JsonObject slow = storm("p1", true, 17.3);
    JsonObject unfinished = storm("p2", false, -1);
    JsonObject both = Report.merge(new JsonArray().add(fast).add(slow)).getJsonObject("figures");
    assertEquals(17.3, both.getDouble("secondsUntilAllResumed"), "the slower process, whichever comes first");
    assertEquals(17.3, Report.merge(new JsonArray().add(slow).add(fast)).getJsonObject("figures")
      .getDouble("secondsUntilAllResumed"));
    assertEquals(true, both.getBoolean("allResumed"));
    JsonObject partial = Report.merge(new JsonArray().add(fast).add(unfinished)).getJsonObject("figures");
    assertEquals(false, partial.getBoolean("allResumed"), "one process that did not finish: the run did not");
    assertEquals(-1.0, partial.getDouble("secondsUntilAllResumed"), "never reached stays never reached");
  }

  private static JsonObject storm(String label, boolean allResumed, double seconds) {
    Metrics metrics = new Metrics();
    return Report.build("storm", LoadOptions.parse("--label", label), metrics, Math.abs(seconds),
      new JsonObject().put("allResumed", allResumed).put("secondsUntilAllResumed", seconds), "0.1 0.1 0.1");
  }
}
