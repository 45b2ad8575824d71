package dev.parlor.presence.tick;

import dev.parlor.contracts.presence.PresenceDiff;
import dev.parlor.presence.Batches;
import dev.parlor.presence.store.PresenceStore;
import dev.parlor.presence.store.PresenceStore.Drained;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticks the rooms this instance has seen change. A room stays on the list until a drain finds it idle, also while
 * another instance holds its lease, so a room whose ticker died is taken over once that lease runs out. The store's
 * drain is atomic and leased, so across all instances every change is published once, in one diff per room per tick.
 * Not thread-safe: call it from one event loop.
 */
public final class RoomTicker {

  private static final Logger LOG = LoggerFactory.getLogger(RoomTicker.class);

  private final PresenceStore store;
  private final String tickerId;
  private final long leaseMs;
  private final BiConsumer<String, PresenceDiff> publish;
  private final Set<String> active = new LinkedHashSet<>();
  private Future<Void> running;

  public RoomTicker(PresenceStore store, String tickerId, long leaseMs, BiConsumer<String, PresenceDiff> publish) {
    this.store = store;
    this.tickerId = tickerId;
    this.leaseMs = leaseMs;
    this.publish = publish;
  }

  /** A room has pending changes: tick it from now on. */
  public void touch(String room) {
    if (active.add(room)) {
      recordTicked(List.of(room));
    }
  }

  public void touchAll(Collection<String> rooms) {
    rooms.forEach(this::touch);
  }

  /** Says again, for every room on the list, that this instance ticks it; a room no instance vouches for is adopted. */
  public Future<Void> vouch() {
    return recordTicked(new ArrayList<>(active));
  }

  private Future<Void> recordTicked(List<String> rooms) {
    return store.roomsTicked(rooms, System.currentTimeMillis())
      .onFailure(e -> LOG.warn("Could not record ticked rooms; retrying on the next sweep: {}", e.toString()));
  }

  /** One tick over every active room; a tick still running when the next is due makes that one skip. */
  public Future<Void> tick() {
    if (running != null || active.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> rooms = new ArrayList<>(active);
    Future<Void> tick = Batches.each(rooms, this::tickRoom).mapEmpty();
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
   * On the way out: after the running tick, one last tick publishes what is pending, then the leases of the rooms
   * still on the list are given up so other instances take them over without waiting for the leases to run out.
   */
  public Future<Void> finish() {
    Future<Void> current = running == null ? Future.succeededFuture() : running;
    return current.compose(done -> tick())
      .compose(done -> Batches.each(new ArrayList<>(active), room -> store.releaseTick(room, tickerId)))
      .mapEmpty();
  }

  private Future<Void> tickRoom(String room) {
    return store.drain(room, tickerId, leaseMs)
      .map(drained -> {
        if (drained.outcome() == Drained.Outcome.IDLE) {
          active.remove(room);
        } else if (drained.outcome() == Drained.Outcome.DRAINED) {
          PresenceDiff diff = TickCoalescer.coalesce(drained.changes());
          if (!diff.isEmpty()) {
            publish.accept(room, diff);
          }
        }
        return (Void) null;
      })
      .recover(e -> {
        LOG.warn("Tick of room {} failed; retrying next tick: {}", room, e.toString());
        return Future.succeededFuture();
      });
  }
}
