package dev.parlor.gateway.topics;

import dev.parlor.gateway.metrics.GatewayMeters;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics followed on one event loop: one event-bus consumer per topic, registered with its first listener and
 * removed with its last. Each event is encoded once and the same frame is handed to every listener. Used from its
 * event loop only.
 */
public final class TopicHub {

  private static final Logger LOG = LoggerFactory.getLogger(TopicHub.class);

  /** A session's subscription to one topic. */
  public interface Listener {
    void onLive(TopicEvent event);
  }

  private final EventBus eventBus;
  private final Map<String, Feed> feeds = new HashMap<>();

  private final GatewayMeters meters;

  public TopicHub(EventBus eventBus) {
    this(eventBus, GatewayMeters.none());
  }

  public TopicHub(EventBus eventBus, GatewayMeters meters) {
    this.eventBus = eventBus;
    this.meters = meters;
  }

  /** Adds a listener; the future completes once the topic's consumer is registered across the cluster. */
  public Future<Void> add(TopicName topic, Listener listener) {
    Feed feed = feeds.computeIfAbsent(topic.name(), name -> new Feed(topic));
    feed.listeners.add(listener);
    return feed.consumer.completion();
  }

  public void remove(TopicName topic, Listener listener) {
    Feed feed = feeds.get(topic.name());
    if (feed != null && feed.listeners.remove(listener) && feed.listeners.isEmpty()) {
      feeds.remove(topic.name());
      feed.consumer.unregister();
    }
  }

  /** How many topics have a consumer on this event loop. */
  public int topics() {
    return feeds.size();
  }

  public int listeners(String topic) {
    Feed feed = feeds.get(topic);
    return feed == null ? 0 : feed.listeners.size();
  }

  private final class Feed {
    final TopicName topic;
    final Set<Listener> listeners = new LinkedHashSet<>();
    final MessageConsumer<Object> consumer;

    Feed(TopicName topic) {
      this.topic = topic;
      this.consumer = eventBus.consumer(topic.address(), this::onMessage);
    }

    private void onMessage(Message<Object> message) {
      TopicEvent event = TopicEvent.of(topic, message.body());
      if (event == null) {
        LOG.warn("Dropping a malformed event on {}: {}", topic.name(), message.body());
        return;
      }
      if (topic.kind() != TopicName.Kind.CANARY) {
        meters.fannedOut(topic.kind(), listeners.size());
      }
      // A copy: delivering may close a session, which removes its listener while we iterate.
      for (Listener listener : new ArrayList<>(listeners)) {
        listener.onLive(event);
      }
    }
  }
}
