package dev.parlor.jobs;

import java.util.function.DoubleSupplier;

/**
 * Retry delay: exponential in the number of deliveries so far, capped, with "equal jitter" (half fixed, half random)
 * so that jobs failing together do not come back together, yet every retry waits at least half its step.
 */
public final class Backoff {

  private Backoff() {
  }

  /** Delay after the {@code deliveries}-th delivery failed: base·2^(n-1), capped at max, then jittered in [½, 1]. */
  public static long delayMs(int deliveries, long baseMs, long maxMs, DoubleSupplier random) {
    int exponent = Math.max(0, Math.min(deliveries - 1, 30));
    long step = Math.min(maxMs, baseMs << exponent);
    return step / 2 + (long) (random.getAsDouble() * (step - step / 2));
  }
}
