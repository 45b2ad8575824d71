package dev.parlor.client;

import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: attempt n waits a uniformly random time in [0, min(cap, base × 2^n)]. Full
 * jitter spreads a crowd of clients dropped at the same instant (a gateway restart) over the whole window instead of
 * sending them back in synchronized waves.
 */
public final class Backoff {

  private final long baseMs;
  private final long capMs;
  private final LongUnaryOperator random;

  /** {@code random} maps a bound b to a value in [0, b]; injected so tests are deterministic. */
  public Backoff(long baseMs, long capMs, LongUnaryOperator random) {
    if (baseMs <= 0 || capMs < baseMs) {
      throw new IllegalArgumentException("need 0 < base <= cap, got base " + baseMs + ", cap " + capMs);
    }
    this.baseMs = baseMs;
    this.capMs = capMs;
    this.random = random;
  }

  /** The ceiling of attempt {@code attempt} (0 for the first retry). */
  public long ceilingMs(int attempt) {
    int shift = Math.min(Math.max(attempt, 0), 30);
    long ceiling = baseMs << shift;
    return ceiling <= 0 || ceiling > capMs ? capMs : ceiling;
  }

  /** The delay before attempt {@code attempt}. */
  public long delayMs(int attempt) {
    return random.applyAsLong(ceilingMs(attempt));
  }
}
