package dev.parlor.presence.tick;

import dev.parlor.contracts.presence.PresenceDiff;
import dev.parlor.presence.Batches;
import dev.parlor.presence.store.PresenceStore;
import dev.parlor.presence.store.PresenceStore.Drained;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticks the rooms this instance has seen change. A room stays on the list until a drain finds it idle, also while
 * another instance holds its lease, so a room whose ticker died is taken over once that lease runs out. The store's
 * drain is atomic and leased, so across all instances every change is published once.
 *
 * <p>Each room is drained at most once per tick, on its own clock: a change to a room not drained for a whole tick is
 * drained at once (the leading edge), and what follows waits until a tick has passed since that drain, then goes out
 * as one diff. So a quiet room's change reaches its watchers after the hops alone, and coalescing costs latency only
 * in a busy room. {@link #tick} runs every {@link #slotMs} and drains the rooms whose tick has come. Not thread-safe:
 * call it from one event loop.
 */
public final class RoomTicker {

  private static final Logger LOG = LoggerFactory.getLogger(RoomTicker.class);

  private final PresenceStore store;
  private final String tickerId;
  private final long tickNanos;
  private final long leaseMs;
  private final BiConsumer<String, PresenceDiff> publish;
  private final Set<String> active = new LinkedHashSet<>();
  /** Per active room: when it may be drained next ({@link System#nanoTime}), a tick after its last drain started. */
  private final Map<String, Long> dueAt = new HashMap<>();
  /** Rooms with a drain in flight: one at a time per room, so diffs leave in the order of their changes. */
  private final Map<String, Future<Void>> draining = new HashMap<>();
  /** Rooms touched while a drain was in flight: that drain may have run before their change, so they stay active. */
  private final Set<String> touchedWhileDraining = new HashSet<>();
  private Future<Void> running;

  public RoomTicker(PresenceStore store, String tickerId, long tickMs, long leaseMs,
                    BiConsumer<String, PresenceDiff> publish) {
    this.store = store;
    this.tickerId = tickerId;
    this.tickNanos = TimeUnit.MILLISECONDS.toNanos(tickMs);
    this.leaseMs = leaseMs;
    this.publish = publish;
  }

  /** How often {@link #tick} should run: a fifth of a tick, so a busy room waits at most 1.2 ticks. */
  public static long slotMs(long tickMs) {
    return Math.max(1, tickMs / 5);
  }

  /** A room has a pending change: tick it from now on, and drain it at once if its tick has come. */
  public void touch(String room) {
    activate(room);
    if (draining.containsKey(room)) {
      touchedWhileDraining.add(room);
    } else if (isDue(room, System.nanoTime())) {
      drainRoom(room);
    }
  }

  /** Many rooms changed at once (a closed session, a reaped gateway): the next {@link #tick} drains them in batches. */
  public void touchAll(Collection<String> rooms) {
    List<String> added = new ArrayList<>();
    for (String room : rooms) {
      if (active.add(room)) {
        added.add(room);
      } else if (draining.containsKey(room)) {
        touchedWhileDraining.add(room);
      }
    }
    if (!added.isEmpty()) {
      recordTicked(added);
    }
  }

  private void activate(String room) {
    if (active.add(room)) {
      recordTicked(List.of(room));
    }
  }

  private boolean isDue(String room, long now) {
    Long due = dueAt.get(room);
    return due == null || now - due >= 0;
  }

  /** Says again, for every room on the list, that this instance ticks it; a room no instance vouches for is adopted. */
  public Future<Void> vouch() {
    return recordTicked(new ArrayList<>(active));
  }

  private Future<Void> recordTicked(List<String> rooms) {
    return store.roomsTicked(rooms, System.currentTimeMillis())
      .onFailure(e -> LOG.warn("Could not record ticked rooms; retrying on the next sweep: {}", e.toString()));
  }

  /**
   * Drains every active room whose tick has come and that has no drain in flight; while the previous call's drains
   * are still running, a call does nothing.
   */
  public Future<Void> tick() {
    return drainDue(false);
  }

  private Future<Void> drainDue(boolean all) {
    if (running != null || active.isEmpty()) {
      return Future.succeededFuture();
    }
    long now = System.nanoTime();
    List<String> rooms = new ArrayList<>();
    for (String room : active) {
      if (!draining.containsKey(room) && (all || isDue(room, now))) {
        rooms.add(room);
      }
    }
    if (rooms.isEmpty()) {
      return Future.succeededFuture();
    }
    Future<Void> tick = Batches.each(rooms, this::drainRoom).mapEmpty();
    running = tick;
    // Attached after the assignment: a tick that completed at once must not stay "running" forever.
    tick.onComplete(done -> {
      if (running == tick) {
        running = null;
      }
    });
    return tick;
  }

  /**
   * On the way out: after the running tick and drains, one last tick publishes what is pending, then the leases of the
   * rooms still on the list are given up so other instances take them over without waiting for the leases to run out.
   */
  public Future<Void> finish() {
    List<Future<Void>> inFlight = new ArrayList<>(draining.values());
    if (running != null) {
      inFlight.add(running);
    }
    return Future.join(inFlight).transform(settled -> drainDue(true))
      .compose(done -> Batches.each(new ArrayList<>(active), room -> store.releaseTick(room, tickerId)))
      .mapEmpty();
  }

  private Future<Void> drainRoom(String room) {
    dueAt.put(room, System.nanoTime() + tickNanos);
    Future<Void> drain = store.drain(room, tickerId, leaseMs)
      .map(drained -> {
        boolean touched = touchedWhileDraining.remove(room);
        if (drained.outcome() == Drained.Outcome.IDLE && !touched) {
          active.remove(room);
          dueAt.remove(room);
        } else if (drained.outcome() == Drained.Outcome.DRAINED) {
          PresenceDiff diff = TickCoalescer.coalesce(drained.changes());
          if (!diff.isEmpty()) {
            publish.accept(room, diff);
          }
        }
        return (Void) null;
      })
      .recover(e -> {
        touchedWhileDraining.remove(room); // it stays active: the next tick drains it again
        LOG.warn("Tick of room {} failed; retrying next tick: {}", room, e.toString());
        return Future.succeededFuture();
      });
    if (!drain.isComplete()) {
      draining.put(room, drain);
      drain.onComplete(done -> draining.remove(room));
    }
    return drain;
  }
}
