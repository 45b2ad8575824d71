package dev.parlor.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The load process's own collections inside the measured window are reported, and only those. */
class MetricsTest {

  @Test
  void aCollectionInsideTheWindowIsCountedOneOutsideIsNot() {
    Metrics metrics = new Metrics();
    System.gc(); // before the window: not counted
    metrics.startMeasuring();
    metrics.stopMeasuring();
    assertEquals(0L, metrics.counter("ownGcInWindow"));
    assertEquals(0L, metrics.counter("ownGcInWindowMs"));

    metrics.startMeasuring();
    System.gc();
    metrics.stopMeasuring();
    assertTrue(metrics.counter("ownGcInWindow") >= 1, "a full collection in the window is counted");
  }
}
