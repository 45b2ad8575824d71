package dev.parlor.gateway.limits;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code presence.set} budget of one session, per room: up to the send rate an update goes out at once; above it
 * and up to the refuse rate it is coalesced with the next one (latest wins); beyond the refuse rate it is refused.
 * Each rate is a one-second token bucket.
 */
public final class PresenceBudget {

  /** What to do with one {@code presence.set}. */
  public enum Verdict { SEND, COALESCE, REFUSE }

  private final double sendPerSecond;
  private final double refusePerSecond;
  private final Map<String, TokenBucket[]> rooms = new HashMap<>();

  public PresenceBudget(double sendPerSecond, double refusePerSecond) {
    this.sendPerSecond = sendPerSecond;
    this.refusePerSecond = refusePerSecond;
  }

  public Verdict check(String room, long nowMs) {
    TokenBucket[] buckets = rooms.computeIfAbsent(room, r -> new TokenBucket[] {
      new TokenBucket(sendPerSecond, sendPerSecond, nowMs), new TokenBucket(refusePerSecond, refusePerSecond, nowMs)});
    if (!buckets[1].tryTake(nowMs)) {
      return Verdict.REFUSE;
    }
    return buckets[0].tryTake(nowMs) ? Verdict.SEND : Verdict.COALESCE;
  }

  /** Whether a coalesced update may go out now, taking a send token if so. */
  public boolean trySend(String room, long nowMs) {
    TokenBucket[] buckets = rooms.get(room);
    return buckets == null || buckets[0].tryTake(nowMs);
  }

  /** The delay after which one more update fits the send rate. */
  public long sendIntervalMs() {
    return (long) Math.ceil(1000.0 / sendPerSecond);
  }

  /** Forgets rooms whose buckets are full again, so the map stays as small as the rooms in use. */
  public void forgetIdle(long nowMs) {
    if (rooms.isEmpty()) {
      return; // the common case, swept every second for every session: no iterator, no lambda
    }
    rooms.values().removeIf(b -> b[0].isFull(nowMs) && b[1].isFull(nowMs));
  }
}
