package dev.parlor.gateway.topics;

import java.util.ArrayList;
import java.util.List;

/**
 * What one session has been given of one durable topic, so that it receives events in order, without gaps and never
 * twice. Offsets in {@code (lo, hi]} were delivered in this session (or covered by a snapshot); offsets up to
 * {@code lo} were not, and a subscribe with an older {@code since} may still replay them.
 */
public final class DurableCursor {

  /** What to do with a live event. */
  public enum Live { DELIVER, DROP, GAP }

  private String epoch;
  private long lo;
  private long hi;

  /** Applies a subscribe answer; returns the replayed events this session has not had yet, in order. */
  public List<TopicEvent> apply(Snapshot answer, Long since) {
    boolean recovered = Boolean.TRUE.equals(answer.recovered()) && since != null;
    if (epoch == null || !epoch.equals(answer.epoch())) {
      epoch = answer.epoch();
      lo = recovered ? since : answer.offset();
      hi = lo;
    }
    List<TopicEvent> out = new ArrayList<>();
    if (recovered) {
      for (TopicEvent event : answer.events()) {
        if (event.offset() > since && (event.offset() > hi || event.offset() <= lo)) {
          out.add(event);
        }
      }
      lo = Math.min(lo, since);
      for (TopicEvent event : out) {
        hi = Math.max(hi, event.offset());
      }
    }
    hi = Math.max(hi, answer.offset());
    return out;
  }

  /** Decides a live event; a delivered one advances the cursor. */
  public Live live(long offset) {
    if (offset <= hi) {
      return Live.DROP;
    }
    if (offset == hi + 1) {
      hi = offset;
      return Live.DELIVER;
    }
    return Live.GAP;
  }

  /** The last offset delivered or covered: a resync asks for the events after it. */
  public long last() {
    return hi;
  }

  public String epoch() {
    return epoch;
  }
}
