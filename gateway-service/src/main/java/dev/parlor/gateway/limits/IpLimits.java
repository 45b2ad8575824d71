package dev.parlor.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per client IP, for the whole gateway process (every event loop): how many connections are open, and a bucket of new
 * sessions per minute. Entries are dropped as soon as they carry no information, so memory follows the active IPs.
 */
public final class IpLimits {

  private final int maxConnections;
  private final int newPerMinute;
  private final LongSupplier clock;
  private final ConcurrentHashMap<String, Integer> connections = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, TokenBucket> creations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, TokenBucket> guests = new ConcurrentHashMap<>();

  public IpLimits(int maxConnections, int newPerMinute, LongSupplier clock) {
    this.maxConnections = maxConnections;
    this.newPerMinute = newPerMinute;
    this.clock = clock;
  }

  /** Counts a new connection from {@code ip}; false (and nothing counted) when the IP is at its cap. */
  public boolean openConnection(String ip) {
    boolean[] admitted = {false};
    connections.compute(ip, (k, n) -> {
      int current = n == null ? 0 : n;
      if (current >= maxConnections) {
        return n;
      }
      admitted[0] = true;
      return current + 1;
    });
    return admitted[0];
  }

  public void closeConnection(String ip) {
    connections.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** Takes one new-session (connection) token for {@code ip}; false when it opened too many this minute. */
  public boolean newSession(String ip) {
    return take(creations, ip);
  }

  /** Takes one guest-creation token ({@code POST /api/v1/sessions}) for {@code ip}, on a budget of its own. */
  public boolean newGuest(String ip) {
    return take(guests, ip);
  }

  private boolean take(ConcurrentHashMap<String, TokenBucket> buckets, String ip) {
    long now = clock.getAsLong();
    boolean[] admitted = {false};
    buckets.compute(ip, (k, bucket) -> {
      TokenBucket b = bucket == null ? new TokenBucket(newPerMinute / 60.0, newPerMinute, now) : bucket;
      admitted[0] = b.tryTake(now);
      return b;
    });
    return admitted[0];
  }

  public int openConnections(String ip) {
    return connections.getOrDefault(ip, 0);
  }

  /** Drops the buckets that refilled; called now and then by a sweep. */
  public void forgetIdle() {
    long now = clock.getAsLong();
    // computeIfPresent holds the entry's lock, as compute does in newSession: buckets are never used concurrently.
    for (ConcurrentHashMap<String, TokenBucket> buckets : java.util.List.of(creations, guests)) {
      buckets.keySet().forEach(ip -> buckets.computeIfPresent(ip, (k, b) -> b.isFull(now) ? null : b));
    }
  }
}
