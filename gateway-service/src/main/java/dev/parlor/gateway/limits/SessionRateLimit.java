package dev.parlor.gateway.limits;

/**
 * The op budget of one session: a token bucket, and the rule that only a session that stays over its limit for a
 * whole abuse period is closed. "Over" lasts while refusals keep coming less than a second apart.
 */
public final class SessionRateLimit {

  /** What to do with an op. */
  public enum Verdict { ADMIT, REFUSE, CLOSE }

  private static final long QUIET_MS = 1_000;

  private final TokenBucket bucket;
  private final long abuseMs;
  private long overSince = -1;
  private long lastRefusal;

  public SessionRateLimit(double perSecond, double burst, long abuseMs, long nowMs) {
    this.bucket = new TokenBucket(perSecond, burst, nowMs);
    this.abuseMs = abuseMs;
  }

  public Verdict check(long nowMs) {
    if (overSince >= 0 && nowMs - lastRefusal > QUIET_MS) {
      overSince = -1;
    }
    if (bucket.tryTake(nowMs)) {
      return Verdict.ADMIT;
    }
    if (overSince < 0) {
      overSince = nowMs;
    }
    lastRefusal = nowMs;
    return nowMs - overSince >= abuseMs ? Verdict.CLOSE : Verdict.REFUSE;
  }
}
