package dev.parlor.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delayDoublesPerDeliveryWithinJitterBounds() {
    assertEquals(500, Backoff.delayMs(1, 1_000, 60_000, () -> 0.0));
    assertEquals(1_000, Backoff.delayMs(1, 1_000, 60_000, () -> 1.0));
    assertEquals(1_000, Backoff.delayMs(2, 1_000, 60_000, () -> 0.0));
    assertEquals(4_000, Backoff.delayMs(3, 1_000, 60_000, () -> 1.0));
  }

  @Test
  void delayIsCappedEvenAfterManyDeliveries() {
    assertEquals(60_000, Backoff.delayMs(200, 1_000, 60_000, () -> 1.0));
    assertEquals(30_000, Backoff.delayMs(40, 1_000, 60_000, () -> 0.0));
  }
}
