package dev.parlor.client;

import java.util.concurrent.atomic.LongAdder;

/** Counters over every session of one {@link ParlorClient}, readable from any thread. */
public final class ClientStats {

  final LongAdder welcomes = new LongAdder();
  final LongAdder reconnects = new LongAdder();
  final LongAdder disconnects = new LongAdder();
  final LongAdder connectFailures = new LongAdder();
  final LongAdder helloTimeouts = new LongAdder();
  final LongAdder gaps = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder reordered = new LongAdder();
  final LongAdder timeouts = new LongAdder();
  final LongAdder serverErrors = new LongAdder();
  final LongAdder signInRetries = new LongAdder();

  public long welcomes() {
    return welcomes.sum();
  }

  /** Welcomes after the first of a session. */
  public long reconnects() {
    return reconnects.sum();
  }

  public long disconnects() {
    return disconnects.sum();
  }

  /** Dials that failed: refused, no upgrade answer in time, or the upgrade refused. */
  public long connectFailures() {
    return connectFailures.sum();
  }

  /** Connections closed by the client because no welcome came within its hello timeout. */
  public long helloTimeouts() {
    return helloTimeouts.sum();
  }

  /** Offsets of durable topics never received. */
  public long gaps() {
    return gaps.sum();
  }

  /** Events of durable topics received twice (dropped). */
  public long duplicates() {
    return duplicates.sum();
  }

  public long reordered() {
    return reordered.sum();
  }

  public long timeouts() {
    return timeouts.sum();
  }

  /** Error frames with {@code re: null}. */
  public long serverErrors() {
    return serverErrors.sum();
  }

  /** Sign-ins asked again because the first got no answer at all ({@link ParlorClient#createGuest}). */
  public long signInRetries() {
    return signInRetries.sum();
  }
}
