package dev.parlor.gateway.topics;

import dev.parlor.contracts.Addresses;
import dev.parlor.gateway.metrics.GatewayMeters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics followed on one event loop: one event-bus consumer per topic, registered with its first listener and
 * removed a linger after its last left, unless a listener came back meanwhile. Each event is encoded once and
 * the same frame is handed to every listener. Used from its event loop only.
 *
 * <p>Why linger: registering or removing a consumer is a cluster-wide write that the cluster manager runs one at a
 * time per event loop. When thousands of sessions drop and come back at once (a network blip, a reconnect storm),
 * removing and re-adding their consumers queued tens of thousands of those writes, and every resubscribe waited
 * behind them. A session that comes back within the linger finds its topics' consumers still in place. The linger
 * must outlast the storm itself: when the storm is slower than the linger, the feeds of the sessions still away
 * expire in a mass, the late ones re-register, and those writes slow the storm further (20,000 sessions took
 * 42-70 s with a 30 s linger, 17-26 s with 120-180 s on the same machine). Durable topics (user, game) hear few
 * events while nobody follows them and linger long; ephemeral ones (lobby, presence rooms) may hear many a second,
 * all wasted on a feed without listeners, and linger shorter.
 *
 * <p>A publisher sends to the consumers its own view of the cluster knows of, and that view learns of a new consumer
 * (or recovers from a member that died) a little late: an event published meanwhile never arrives, and when no later
 * event follows (the other player waits for it), no gap ever shows. So durable topics have a tail check: every
 * {@code checkMs}, the feeds that are new or were active within {@code watchMs} and have been quiet for a moment
 * compare the newest offset of their topic in the store (one round trip per kind for all of them) with the newest
 * they heard live, and a feed that is behind tells its listeners, which replay what they miss from the store.
 */
public final class TopicHub {

  private static final Logger LOG = LoggerFactory.getLogger(TopicHub.class);
  /** A feed that heard an event this recently is not checked: a head read now may race that event's delivery. */
  static final long QUIET_MS = 1_000;
  /**
   * How often lingering feeds are looked at: each goes within this long of its due time. Games end all the time (at
   * 5,000 moves/s, 120 a second), and a sweep every second removed a second's worth of their consumers at once, a
   * burst of cluster-wide writes that held up the moves of that moment: p99 29-54 ms at steady state, against 13-24
   * ms (median 17) with a sweep every 100 ms (docs/benchmarks.md, "The linger's first expiry"). A sweep with nothing
   * due reads one entry.
   */
  static final long SWEEP_MS = 100;

  /** A session's subscription to one topic. */
  public interface Listener {
    void onLive(TopicEvent event);

    /**
     * The topic's store holds events up to {@code head}, more than this feed heard live; answers whether this
     * listener misses any of them (and goes to fetch them).
     */
    default boolean behind(long head) {
      return false;
    }
  }

  private final EventBus eventBus;
  private final GatewayMeters meters;
  private final TopicHeads heads;
  private final long watchMs;
  private final Map<String, Feed> feeds = new HashMap<>();
  /** Feeds without listeners, durable and ephemeral apart, each oldest first: removed once idle for its linger. */
  private final Idle idleDurable;
  private final Idle idleEphemeral;

  /** A hub without a tail check or linger, for tests of one class. */
  public TopicHub(EventBus eventBus) {
    this.eventBus = eventBus;
    this.meters = GatewayMeters.none();
    this.heads = null;
    this.watchMs = 0;
    this.idleDurable = new Idle(0);
    this.idleEphemeral = new Idle(0);
  }

  /**
   * Call on the event loop that will use it: the tail check runs there every {@code checkMs} (0: never), and a feed
   * whose last listener left is removed after {@code lingerMs} for a durable topic, {@code ephemeralLingerMs} for an
   * ephemeral one (0: at once).
   */
  public TopicHub(Vertx vertx, GatewayMeters meters, TopicHeads heads, long checkMs, long watchMs, long lingerMs,
      long ephemeralLingerMs) {
    this.eventBus = vertx.eventBus();
    this.meters = meters;
    this.heads = heads;
    this.watchMs = watchMs;
    this.idleDurable = new Idle(lingerMs);
    this.idleEphemeral = new Idle(ephemeralLingerMs);
    if (checkMs > 0) {
      vertx.setPeriodic(checkMs, t -> checkTails());
    }
    if (lingerMs > 0 || ephemeralLingerMs > 0) {
      vertx.setPeriodic(SWEEP_MS, t -> removeIdle());
    }
  }

  /** Adds a listener; the future completes once the topic's consumer is registered across the cluster. */
  public Future<Void> add(TopicName topic, Listener listener) {
    Feed feed = feeds.computeIfAbsent(topic.name(), name -> new Feed(topic));
    if (feed.listeners.isEmpty()) {
      idleOf(topic).feeds.remove(topic.name());
    }
    feed.listeners.add(listener);
    return feed.consumer.completion();
  }

  public void remove(TopicName topic, Listener listener) {
    Feed feed = feeds.get(topic.name());
    if (feed != null && feed.listeners.remove(listener) && feed.listeners.isEmpty()) {
      Idle idle = idleOf(topic);
      if (idle.lingerMs > 0) {
        feed.idleSince = now();
        idle.feeds.put(topic.name(), feed);
      } else {
        unregister(feed);
      }
    }
  }

  /** How many topics have a consumer on this event loop (lingering ones included). */
  public int topics() {
    return feeds.size();
  }

  /** Removes the consumers that have had no listener for their linger. */
  void removeIdle() {
    long now = now();
    idleDurable.removeDue(now);
    idleEphemeral.removeDue(now);
  }

  private Idle idleOf(TopicName topic) {
    return topic.durable() ? idleDurable : idleEphemeral;
  }

  private void unregister(Feed feed) {
    feeds.remove(feed.topic.name());
    feed.consumer.unregister();
  }

  public int listeners(String topic) {
    Feed feed = feeds.get(topic);
    return feed == null ? 0 : feed.listeners.size();
  }

  /** One tail check of every watched durable feed; a failed or late answer just waits for the next. */
  void checkTails() {
    long now = now();
    Map<TopicName.Kind, List<Feed>> due = new EnumMap<>(TopicName.Kind.class);
    for (Feed feed : feeds.values()) {
      if (feed.topic.durable() && !feed.checking && !feed.listeners.isEmpty() && now < feed.lastActivity + watchMs
          && now - feed.lastActivity >= QUIET_MS) {
        due.computeIfAbsent(feed.topic.kind(), kind -> new ArrayList<>()).add(feed);
      }
    }
    due.forEach((kind, list) -> {
      for (int from = 0; from < list.size(); from += Addresses.Game.MAX_HEADS) {
        check(kind, list.subList(from, Math.min(list.size(), from + Addresses.Game.MAX_HEADS)));
      }
    });
  }

  private void check(TopicName.Kind kind, List<Feed> batch) {
    List<String> ids = new ArrayList<>(batch.size());
    for (Feed feed : batch) {
      feed.checking = true;
      ids.add(feed.topic.id());
    }
    heads.of(kind, ids).onComplete(answer -> {
      for (Feed feed : batch) {
        feed.checking = false;
      }
      if (answer.failed()) {
        LOG.debug("Tail check of {} {} topics failed: {}", batch.size(), kind, answer.cause().toString());
        return;
      }
      for (Feed feed : batch) {
        Long head = answer.result().get(feed.topic.id());
        if (head != null && head > feed.lastLive && feeds.get(feed.topic.name()) == feed) {
          feed.behind(head);
        }
      }
    });
  }

  private static long now() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
  }

  /** The feeds of one linger without listeners, in the order they became idle. */
  private final class Idle {
    final long lingerMs;
    final Map<String, Feed> feeds = new LinkedHashMap<>();

    Idle(long lingerMs) {
      this.lingerMs = lingerMs;
    }

    void removeDue(long now) {
      for (var it = feeds.values().iterator(); it.hasNext(); ) {
        Feed feed = it.next();
        if (now - feed.idleSince < lingerMs) {
          return; // oldest first: the rest left later
        }
        it.remove();
        unregister(feed);
      }
    }
  }

  private final class Feed {
    final TopicName topic;
    final Set<Listener> listeners = new LinkedHashSet<>();
    final MessageConsumer<Object> consumer;
    /** The newest offset heard live (durable topics). */
    long lastLive = -1;
    /** When the feed was created or last heard an event. */
    long lastActivity = now();
    /** The offset whose miss was last counted, so one miss counts once. */
    long missCounted = -1;
    /** When its last listener left (a lingering feed). */
    long idleSince;
    boolean checking;

    Feed(TopicName topic) {
      this.topic = topic;
      this.consumer = eventBus.consumer(topic.address(), this::onMessage);
    }

    private void onMessage(Message<Object> message) {
      TopicEvent event = TopicEvent.of(topic, message);
      if (event == null) {
        LOG.warn("Dropping a malformed event on {}: {}", topic.name(), message.body());
        return;
      }
      lastActivity = now();
      if (topic.durable()) {
        lastLive = Math.max(lastLive, event.offset());
      }
      if (topic.kind() != TopicName.Kind.CANARY) {
        meters.fannedOut(topic.kind(), listeners.size());
      }
      // A copy: delivering may close a session, which removes its listener while we iterate.
      for (Listener listener : new ArrayList<>(listeners)) {
        listener.onLive(event);
      }
    }

    /** A feed that never heard an event only knows where its listeners' snapshots began: each listener decides. */
    private void behind(long head) {
      boolean missed = false;
      for (Listener listener : new ArrayList<>(listeners)) {
        missed |= listener.behind(head);
      }
      if (missed && head > missCounted) {
        missCounted = head;
        meters.tailMissed();
      }
    }
  }
}
