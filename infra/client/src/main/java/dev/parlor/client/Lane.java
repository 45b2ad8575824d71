package dev.parlor.client;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.PriorityQueue;

/**
 * One event loop's share of the sessions, and the only timer they use: every deadline of every session on this loop
 * (request timeouts, reconnect delays, liveness checks) sits in one heap, swept by one periodic timer. Sessions never
 * leave their lane, so nothing here needs a lock.
 */
final class Lane extends VerticleBase {

  private static final System.Logger LOG = System.getLogger(Lane.class.getName());

  private final long tickMs;
  private final PriorityQueue<Scheduled> due = new PriorityQueue<>();
  private long sequence;

  Lane(long tickMs) {
    this.tickMs = tickMs;
  }

  /** A cancellable deadline. */
  static final class Scheduled implements Comparable<Scheduled> {
    private final long atNanos;
    private final long order;
    private final Runnable action;
    private boolean cancelled;

    private Scheduled(long atNanos, long order, Runnable action) {
      this.atNanos = atNanos;
      this.order = order;
      this.action = action;
    }

    void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Scheduled other) {
      int byTime = Long.compare(atNanos, other.atNanos);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(tickMs, id -> sweep());
    return Future.succeededFuture();
  }

  Context context() {
    return context;
  }

  /** Runs {@code action} on this lane: now if already on it, else as the next task of its event loop. */
  void run(Runnable action) {
    if (io.vertx.core.Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  /** Must be called on the lane. */
  Scheduled schedule(long delayMs, Runnable action) {
    Scheduled scheduled = new Scheduled(System.nanoTime() + delayMs * 1_000_000L, sequence++, action);
    due.add(scheduled);
    return scheduled;
  }

  /**
   * Runs every deadline that is due. One that throws is logged and the sweep goes on: the deadlines after it belong to
   * other sessions and requests, and an exception escaping here would leave them for a later tick.
   */
  void sweep() {
    long now = System.nanoTime();
    Scheduled next;
    while ((next = due.peek()) != null && next.atNanos <= now) {
      due.poll();
      if (!next.cancelled) {
        try {
          next.action.run();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "A session deadline failed; the lane's other deadlines still run", e);
        }
      }
    }
  }
}
