package dev.parlor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void ceilingDoublesFromTheBaseUpToTheCap() {
    Backoff backoff = new Backoff(100, 1_000, bound -> bound);
    assertEquals(100, backoff.delayMs(0));
    assertEquals(200, backoff.delayMs(1));
    assertEquals(800, backoff.delayMs(3));
    assertEquals(1_000, backoff.delayMs(4));
    assertEquals(1_000, backoff.delayMs(500), "a huge attempt number neither overflows nor passes the cap");
  }

  @Test
  void fullJitterSpreadsDelaysOverTheWholeWindow() {
    Backoff backoff = new Backoff(100, 10_000, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 2_000; i++) {
      long delay = backoff.delayMs(3);
      assertTrue(delay >= 0 && delay <= 800, "within [0, ceiling]: " + delay);
      min = Math.min(min, delay);
      max = Math.max(max, delay);
    }
    assertTrue(min < 80 && max > 720, "uses the whole window, not a band near the ceiling: " + min + ".." + max);
  }

  @Test
  void nonsenseBoundsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10, b -> b));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 10, b -> b));
  }
}
