package dev.parlor.gateway.limits;

/** A token bucket on a caller-supplied clock (milliseconds), so it is tested without waiting. Not thread-safe. */
public final class TokenBucket {

  private final double perMs;
  private final double capacity;
  private double tokens;
  private long last;

  public TokenBucket(double perSecond, double capacity, long nowMs) {
    this.perMs = perSecond / 1000.0;
    this.capacity = capacity;
    this.tokens = capacity;
    this.last = nowMs;
  }

  /** Takes one token if there is one. */
  public boolean tryTake(long nowMs) {
    refill(nowMs);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** True when the bucket has refilled completely: its state carries no information and may be forgotten. */
  public boolean isFull(long nowMs) {
    refill(nowMs);
    return tokens >= capacity;
  }

  private void refill(long nowMs) {
    if (nowMs > last) {
      tokens = Math.min(capacity, tokens + (nowMs - last) * perMs);
      last = nowMs;
    }
  }
}
