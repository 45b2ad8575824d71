package dev.parlor.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a session stands on one durable topic: its epoch and the last offset delivered. Events come back in offset
 * order: a repeat (offset already delivered) is dropped and counted; an event ahead of the next expected offset is
 * held until the missing ones arrive (a replay racing a live event), and if they have not come when the caller
 * declares the hold expired, the missing offsets are counted as a gap and delivery moves on. No Vert.x in here.
 *
 * @param <T> the event payload
 */
public final class TopicCursor<T> {

  private String epoch;
  private long last = -1;
  private final TreeMap<Long, T> held = new TreeMap<>();
  private long duplicates;
  private long gaps;
  private long reordered;

  /**
   * Sets the position after a subscribe reply: everything up to {@code offset} in {@code epoch} is known. Returns the
   * held events that follow on at once.
   */
  public List<T> reset(String epoch, long offset) {
    this.epoch = epoch;
    this.last = offset;
    held.headMap(offset, true).clear();
    if (held.isEmpty()) {
      return List.of();
    }
    List<T> ready = new ArrayList<>(held.size());
    drainConsecutive(ready);
    return ready;
  }

  public boolean positioned() {
    return last >= 0;
  }

  public String epoch() {
    return epoch;
  }

  public long last() {
    return last;
  }

  /** Takes one event; returns what can be delivered now, in order (maybe nothing). */
  public List<T> offer(long offset, T event) {
    if (offset <= last) {
      duplicates++;
      return List.of();
    }
    if (offset != last + 1) {
      if (held.putIfAbsent(offset, event) != null) {
        duplicates++;
      }
      return List.of();
    }
    List<T> ready = new ArrayList<>(1 + held.size());
    ready.add(event);
    last = offset;
    if (!held.isEmpty()) {
      reordered += held.size();
      drainConsecutive(ready);
    }
    return ready;
  }

  /** Whether events wait for missing offsets. */
  public boolean holding() {
    return !held.isEmpty();
  }

  /** Gives up on the missing offsets: counts them as a gap and returns the held events, in order. */
  public List<T> skipGap() {
    if (held.isEmpty()) {
      return List.of();
    }
    long first = held.firstKey();
    gaps += first - last - 1;
    last = first - 1;
    List<T> ready = new ArrayList<>(held.size());
    drainConsecutive(ready);
    ready.addAll(skipGap());
    return ready;
  }

  private void drainConsecutive(List<T> ready) {
    Map.Entry<Long, T> next;
    while ((next = held.firstEntry()) != null && next.getKey() == last + 1) {
      held.pollFirstEntry();
      ready.add(next.getValue());
      last = next.getKey();
    }
  }

  public long duplicates() {
    return duplicates;
  }

  /** Offsets never received. */
  public long gaps() {
    return gaps;
  }

  /** Events that arrived ahead of a missing one and were delivered once it came. */
  public long reordered() {
    return reordered;
  }
}
