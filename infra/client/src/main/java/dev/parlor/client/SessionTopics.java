package dev.parlor.client;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics one session follows and the delivery of their events: durable topics through their {@link TopicCursor}
 * (in offset order, once each; missing offsets are waited for {@link #GAP_WAIT_MS}, then counted as a gap), others
 * as they come. Lives on the session's lane.
 */
final class SessionTopics {

  static final long GAP_WAIT_MS = 2_000;

  private final Lane lane;
  private final ClientStats stats;
  private final SessionListener listener;
  private final Map<String, Topic> topics = new HashMap<>(4);

  SessionTopics(Lane lane, ClientStats stats, SessionListener listener) {
    this.lane = lane;
    this.stats = stats;
    this.listener = listener;
  }

  Topic follow(String name, Handler<TopicEvent> handler) {
    Topic t = topics.computeIfAbsent(name, Topic::new);
    t.handler = handler;
    return t;
  }

  boolean follows(Topic t) {
    return topics.get(t.name) == t;
  }

  void forget(String name) {
    Topic t = topics.remove(name);
    if (t != null) {
      cancelGapCheck(t);
    }
  }

  Collection<Topic> all() {
    return List.copyOf(topics.values());
  }

  long offset(String name) {
    Topic t = topics.get(name);
    return t == null || t.cursor == null ? -1 : t.cursor.last();
  }

  /** The user topic at the first welcome: the session follows it from the welcome's offset. */
  void followUserTopic(String name, JsonObject state) {
    if (!topics.containsKey(name) && state != null) {
      follow(name, null).cursor().reset(state.getString("epoch"), state.getLong("offset", 0L));
    }
  }

  /** A subscribe reply: where the topic's events continue from. */
  void positioned(Topic t, JsonObject result, Long since) {
    Long offset = result.getLong("offset");
    if (offset == null) {
      return;
    }
    boolean replays = since != null && result.getBoolean("recovered", false);
    deliver(t, t.cursor().reset(result.getString("epoch"), replays ? since : offset));
  }

  /** The connection is gone: no subscribe is in flight any more, and gaps wait for the resume. */
  void disconnected() {
    topics.values().forEach(t -> {
      t.subscribing = false;
      cancelGapCheck(t);
    });
  }

  void event(TopicEvent event) {
    Topic t = topics.get(event.topic());
    if (t == null) {
      return;
    }
    if (!event.durable()) {
      dispatch(t, event);
      return;
    }
    TopicCursor<TopicEvent> cursor = t.cursor();
    long duplicates = cursor.duplicates();
    long reordered = cursor.reordered();
    List<TopicEvent> ready = cursor.offer(event.offset(), event);
    stats.duplicates.add(cursor.duplicates() - duplicates);
    stats.reordered.add(cursor.reordered() - reordered);
    deliver(t, ready);
  }

  private void deliver(Topic t, List<TopicEvent> ready) {
    for (TopicEvent e : ready) {
      dispatch(t, e);
    }
    if (t.cursor != null && t.cursor.holding() && !t.subscribing) {
      if (t.gapCheck == null) {
        t.gapCheck = lane.schedule(GAP_WAIT_MS, () -> skipGap(t));
      }
    } else {
      cancelGapCheck(t);
    }
  }

  private void skipGap(Topic t) {
    t.gapCheck = null;
    if (t.subscribing || !follows(t)) {
      return;
    }
    long gaps = t.cursor.gaps();
    long last = t.cursor.last();
    List<TopicEvent> ready = t.cursor.skipGap();
    stats.gaps.add(t.cursor.gaps() - gaps);
    if (!ready.isEmpty()) {
      listener.gap(t.name, last + 1, ready.get(0).offset() - 1);
    }
    deliver(t, ready);
  }

  private void dispatch(Topic t, TopicEvent event) {
    if (t.handler != null) {
      t.handler.handle(event);
    } else {
      listener.event(event);
    }
  }

  private static void cancelGapCheck(Topic t) {
    if (t.gapCheck != null) {
      t.gapCheck.cancel();
      t.gapCheck = null;
    }
  }
}
