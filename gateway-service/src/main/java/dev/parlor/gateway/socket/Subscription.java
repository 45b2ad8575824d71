package dev.parlor.gateway.socket;

import dev.parlor.gateway.topics.DurableCursor;
import dev.parlor.gateway.topics.Snapshot;
import dev.parlor.gateway.topics.TopicEvent;
import dev.parlor.gateway.topics.TopicHub;
import dev.parlor.gateway.topics.TopicName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session following one topic. Live events that arrive while a snapshot and replay are being fetched are held,
 * then merged by offset, so the client gets the reply, the replayed events, then the live ones: in order, no gap,
 * nothing twice. A gap in live events (two publishers racing) is filled by a replay from the last delivered offset,
 * and so is an event lost at the tail, found by the hub's tail check ({@link #behind}).
 */
final class Subscription implements TopicHub.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);
  /** Events held during a catch-up; more means the topic outruns the store, and the session is closed (1013). */
  static final int MAX_HELD = 10_000;
  /** How soon a resync whose store request failed asks again. */
  static final long RESYNC_RETRY_MS = 500;

  private final ClientSession session;
  private final SessionTopics topics;
  final TopicName topic;
  private final DurableCursor cursor;
  private final List<TopicEvent> held = new ArrayList<>();
  private int catchUps;
  private boolean resyncing;
  private boolean closed;
  private boolean answered;

  Subscription(ClientSession session, SessionTopics topics, TopicName topic) {
    this.session = session;
    this.topics = topics;
    this.topic = topic;
    this.cursor = topic.durable() ? new DurableCursor() : null;
  }

  @Override
  public void onLive(TopicEvent event) {
    if (closed) {
      return;
    }
    if (catchUps > 0 || resyncing) {
      hold(event);
    } else if (cursor == null) {
      session.deliver(event.frame(), Outbound.Kind.EPHEMERAL);
    } else {
      offer(event);
    }
  }

  void beginCatchUp() {
    catchUps++;
  }

  /** A subscribe finished: delivers what its answer replays (none when it failed), then what was held. */
  void endCatchUp(Snapshot answer, Long since) {
    catchUps--;
    answered |= answer != null;
    if (answer != null && cursor != null) {
      for (TopicEvent event : cursor.apply(answer, since)) {
        session.deliver(event.frame(), Outbound.Kind.DURABLE);
      }
    }
    if (catchUps == 0 && !resyncing) {
      flushHeld();
    }
  }

  /** The tail check found the store ahead of the feed: replays what this session misses, if anything. */
  @Override
  public boolean behind(long head) {
    if (closed || cursor == null || !answered || !session.isOpen() || cursor.last() >= head) {
      return false;
    }
    if (catchUps == 0) {
      resync();
    }
    return true;
  }

  /**
   * Whether this session follows the topic live with everything up to {@code since} of {@code epoch} (any epoch when
   * null) delivered and nothing after it held or being fetched: a subscribe from there has nothing to replay.
   */
  boolean liveAt(long since, String epoch) {
    return cursor != null && answered && !closed && catchUps == 0 && !resyncing && held.isEmpty()
      && cursor.last() == since && cursor.epoch() != null && (epoch == null || epoch.equals(cursor.epoch()));
  }

  String epoch() {
    return cursor == null ? null : cursor.epoch();
  }

  /** Whether a subscribe of this topic ever succeeded: a failed resubscribe must not end the subscription. */
  boolean wasLive() {
    return answered;
  }

  void close() {
    closed = true;
    held.clear();
  }

  private void offer(TopicEvent event) {
    switch (cursor.live(event.offset())) {
      case DELIVER -> session.deliver(event.frame(), Outbound.Kind.DURABLE);
      case DROP -> {
      }
      case GAP -> {
        hold(event);
        resync();
      }
    }
  }

  private void hold(TopicEvent event) {
    if (held.size() >= MAX_HELD) {
      session.overflow();
      return;
    }
    held.add(event);
  }

  private void flushHeld() {
    List<TopicEvent> events = new ArrayList<>(held);
    held.clear();
    if (cursor != null) {
      events.sort(Comparator.comparingLong(TopicEvent::offset));
    }
    for (int i = 0; i < events.size(); i++) {
      TopicEvent event = events.get(i);
      if (cursor == null) {
        session.deliver(event.frame(), Outbound.Kind.EPHEMERAL);
        continue;
      }
      DurableCursor.Live decision = cursor.live(event.offset());
      if (decision == DurableCursor.Live.GAP) {
        held.addAll(events.subList(i, events.size()));
        resync();
        return;
      }
      if (decision == DurableCursor.Live.DELIVER) {
        session.deliver(event.frame(), Outbound.Kind.DURABLE);
      }
    }
  }

  private void resync() {
    if (resyncing || closed) {
      return;
    }
    resyncing = true;
    long since = cursor.last();
    topics.fetch(topic, since, cursor.epoch()).onComplete(result -> {
      if (closed || !session.isOpen()) {
        resyncing = false;
        return;
      }
      if (result.failed()) {
        // The store could not be asked (a timeout, an owner restarting): live events stay held and it is asked
        // again, rather than skip events it still has. Too many held events close the session (1013); the client
        // then resumes elsewhere.
        topics.later(RESYNC_RETRY_MS, () -> {
          resyncing = false;
          resync();
        });
        return;
      }
      resyncing = false;
      if (Boolean.TRUE.equals(result.result().recovered())) {
        endResync(result.result(), since);
      } else {
        // The store no longer has them (trimmed, or a new epoch): move on from the newest state.
        LOG.warn("Cannot fill a gap after offset {} on {}: the store no longer has it; skipping it", since,
          topic.name());
        endResync(result.result(), null);
      }
    });
  }

  private void endResync(Snapshot answer, Long since) {
    catchUps++;
    endCatchUp(answer, since);
  }
}
