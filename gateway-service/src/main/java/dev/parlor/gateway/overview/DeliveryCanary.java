package dev.parlor.gateway.overview;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The bookkeeping of the delivery canary: the gateway publishes a numbered canary event every interval on its own
 * topic address, and each of its event loops follows that topic through its topic hub, exactly as client topics
 * are followed. Delivery is healthy while every joined event loop has received every canary sent more than
 * {@code boundMs} ago, and canaries are still being sent. Sockets can stay open while events stop flowing (a broken
 * cluster subscription, a stuck event loop); this is what notices. Thread-safe.
 */
public final class DeliveryCanary {

  private static final int KEPT = 64;
  private static final long NOT_JOINED = Long.MAX_VALUE;

  /** Whether delivery works, and why not. */
  public record Verdict(boolean healthy, String reason, long lastDeliveryMs, List<Integer> lateLoops) {
  }

  private final long intervalMs;
  private final long boundMs;
  private final Deque<long[]> sent = new ArrayDeque<>();
  private final List<Long> received = new ArrayList<>();
  private long nextSeq = 1;
  private long lastSentAt = -1;
  private long lastDeliveryMs = -1;

  public DeliveryCanary(long intervalMs, long boundMs) {
    this.intervalMs = intervalMs;
    this.boundMs = boundMs;
  }

  /** Records a canary about to be published; answers its sequence number. */
  public synchronized long sent(long nowMs) {
    long seq = nextSeq++;
    sent.addLast(new long[] {seq, nowMs});
    if (sent.size() > KEPT) {
      sent.removeFirst();
    }
    lastSentAt = nowMs;
    return seq;
  }

  /** A new event loop to watch; it is judged only once {@link #joined} (its subscription is registered). */
  public synchronized int watch() {
    received.add(NOT_JOINED);
    return received.size() - 1;
  }

  /** The loop's subscription is live: canaries sent before it cannot reach it and are not held against it. */
  public synchronized void joined(int loop) {
    received.set(loop, nextSeq - 1);
  }

  /** A canary reached a loop; answers its travel time in ms, or -1 when it is not one we sent. */
  public synchronized long delivered(int loop, long seq, long nowMs) {
    if (received.get(loop) == NOT_JOINED || seq > received.get(loop)) {
      received.set(loop, seq);
    }
    for (long[] entry : sent) {
      if (entry[0] == seq) {
        lastDeliveryMs = nowMs - entry[1];
        return lastDeliveryMs;
      }
    }
    return -1;
  }

  public synchronized Verdict verdict(long nowMs) {
    if (lastSentAt >= 0 && nowMs - lastSentAt > boundMs + 2 * intervalMs) {
      return new Verdict(false, "no canary sent for " + (nowMs - lastSentAt) + " ms", lastDeliveryMs, List.of());
    }
    long due = 0;
    for (long[] entry : sent) {
      if (entry[1] <= nowMs - boundMs) {
        due = entry[0];
      }
    }
    List<Integer> late = new ArrayList<>();
    for (int loop = 0; loop < received.size(); loop++) {
      long got = received.get(loop);
      if (got != NOT_JOINED && got < due) {
        late.add(loop);
      }
    }
    return late.isEmpty()
      ? new Verdict(true, null, lastDeliveryMs, List.of())
      : new Verdict(false, "canary " + due + " not delivered within " + boundMs + " ms", lastDeliveryMs, late);
  }
}
