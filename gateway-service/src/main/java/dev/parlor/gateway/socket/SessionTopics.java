package dev.parlor.gateway.socket;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.protocol.Ops;
import dev.parlor.gateway.ops.ServiceFailures;
import dev.parlor.gateway.topics.Snapshot;
import dev.parlor.gateway.topics.TopicName;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The topics one session follows: {@code subscribe} and {@code unsubscribe} with their authorization, and the user
 * topic every session follows from its welcome. The live consumer is registered before the snapshot is read, so no
 * event can fall between the two.
 */
final class SessionTopics {

  /** The largest {@code since} a client may send: beyond it JSON numbers lose integers. */
  private static final long MAX_SINCE = 1L << 53;

  private final ClientSession session;
  private final SessionDeps deps;
  private final Map<String, Subscription> subscriptions = new HashMap<>();

  SessionTopics(ClientSession session, SessionDeps deps) {
    this.session = session;
    this.deps = deps;
  }

  /**
   * Follows the caller's user topic; the answer's offset and epoch go in the welcome. The welcome does not wait for
   * the topic's consumer to be registered across the cluster (that can take a while as members join): live events
   * are held until it is, then whatever was published after the welcome's offset is replayed from the log, so the
   * session misses nothing and gets nothing twice (and the hub's tail check finds what the live feed may still
   * miss while the cluster learns of the new consumer). A consumer already registered before the head is read
   * (another session of the user's on this event loop, or one lingering from a session that just left: every
   * reconnect) hears everything published after that read, so there is nothing to replay and the log is read once.
   */
  Future<Snapshot> openUserTopic() {
    TopicName topic = TopicName.user(session.caller().userId());
    Subscription subscription = follow(topic);
    subscription.beginCatchUp();
    subscription.beginCatchUp();
    Future<Void> registered = deps.hub().add(topic, subscription);
    boolean liveBeforeHead = registered.succeeded();
    Future<Snapshot> head = fetch(topic, null, null);
    head.onComplete(answer -> {
      if (answer.failed() || liveBeforeHead) {
        subscription.endCatchUp(null, null);
        return;
      }
      long offset = answer.result().offset();
      registered.timeout(deps.limits().requestTimeoutMs(), TimeUnit.MILLISECONDS)
        .compose(v -> fetch(topic, offset, answer.result().epoch()))
        .onComplete(replay -> {
          subscription.endCatchUp(replay.succeeded() ? replay.result() : null, offset);
        });
    });
    return head;
  }

  /** After the welcome went out: the user topic goes live. */
  void userTopicOpened(Snapshot answer) {
    Subscription subscription = subscriptions.get(TopicName.user(session.caller().userId()).name());
    if (subscription != null) {
      subscription.endCatchUp(answer, null);
    }
  }

  void subscribe(String id, JsonObject frame) {
    TopicName topic = TopicName.parse(frame.getValue("topic"));
    if (topic == null) {
      session.error(id, ErrorCode.INVALID_ARGS,
        "topic: user:<userId>, lobby, game:<gameId> or presence:<room>");
      return;
    }
    Object since = frame.getValue("since");
    if (since != null && !(since instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
      && n.doubleValue() >= 0 && n.doubleValue() <= MAX_SINCE)) {
      session.error(id, ErrorCode.INVALID_ARGS, "since: an integer offset, 0 or more");
      return;
    }
    Object epoch = frame.getValue("epoch");
    if (epoch != null && !(epoch instanceof String e && !e.isEmpty() && e.length() <= 64)) {
      session.error(id, ErrorCode.INVALID_ARGS, "epoch: a string of 1-64 characters");
      return;
    }
    if (topic.kind() == TopicName.Kind.USER && !topic.id().equals(session.caller().userId())) {
      session.error(id, ErrorCode.FORBIDDEN, "only your own user topic");
      return;
    }
    Subscription subscription = subscriptions.get(topic.name());
    boolean fresh = subscription == null;
    if (fresh && subscriptions.size() >= deps.limits().maxTopics()) {
      session.error(id, ErrorCode.RATE_LIMITED, "at most " + deps.limits().maxTopics() + " topics per session");
      return;
    }
    Long from = topic.durable() && since != null ? ((Number) since).longValue() : null;
    String fromEpoch = topic.durable() && from != null ? (String) epoch : null;
    if (topic.kind() == TopicName.Kind.USER && from != null && !fresh && subscription.liveAt(from, fromEpoch)) {
      // A client resuming its user topic right after the welcome, having missed nothing: this session already
      // follows the topic live from exactly there, so there is nothing to read and nothing to replay (a user topic's
      // snapshot is empty). Every reconnect does this; the log is not read for it.
      session.replyText(id, new Snapshot(new JsonObject(), from, subscription.epoch(), true, List.of())
        .resultText(topic.name()));
      deps.meters().op(Ops.SUBSCRIBE, "ok", System.nanoTime());
      return;
    }
    Subscription sub = fresh ? follow(topic) : subscription;
    sub.beginCatchUp();
    // Bounded like any request: the op gets its one answer even if the cluster never confirms the registration.
    Future<Void> ready = fresh ? deps.hub().add(topic, sub).timeout(deps.limits().requestTimeoutMs(),
      TimeUnit.MILLISECONDS) : Future.succeededFuture();
    long started = System.nanoTime();
    ready.compose(v -> fetch(topic, from, fromEpoch)).onComplete(result -> {
      deps.meters().op(Ops.SUBSCRIBE, result.succeeded() ? "ok" : ServiceFailures.code(result.cause()).code(),
        started);
      if (!session.isOpen()) {
        return;
      }
      if (result.failed()) {
        session.error(id, ServiceFailures.code(result.cause()), ServiceFailures.message(result.cause()));
        sub.endCatchUp(null, null);
        if (fresh && !sub.wasLive()) {
          drop(sub);
        }
        return;
      }
      session.replyText(id, result.result().resultText(topic.name()));
      sub.endCatchUp(result.result(), from);
    });
  }

  void unsubscribe(String id, JsonObject frame) {
    TopicName topic = TopicName.parse(frame.getValue("topic"));
    if (topic == null) {
      session.error(id, ErrorCode.INVALID_ARGS, "topic: user:<userId>, lobby, game:<gameId> or presence:<room>");
      return;
    }
    Subscription subscription = subscriptions.get(topic.name());
    if (subscription != null) {
      drop(subscription);
    }
    session.reply(id, new JsonObject());
  }

  Future<Snapshot> fetch(TopicName topic, Long since, String epoch) {
    return deps.snapshots().fetch(session.caller(), topic, since, epoch);
  }

  /** Runs {@code action} on the session's event loop after {@code delayMs}. */
  void later(long delayMs, Runnable action) {
    deps.vertx().setTimer(delayMs, t -> action.run());
  }

  int count() {
    return subscriptions.size();
  }

  void closeAll() {
    subscriptions.values().forEach(subscription -> {
      subscription.close();
      deps.hub().remove(subscription.topic, subscription);
    });
    subscriptions.clear();
  }

  private Subscription follow(TopicName topic) {
    Subscription subscription = new Subscription(session, this, topic);
    subscriptions.put(topic.name(), subscription);
    return subscription;
  }

  private void drop(Subscription subscription) {
    if (subscriptions.get(subscription.topic.name()) == subscription) {
      subscriptions.remove(subscription.topic.name());
    }
    subscription.close();
    deps.hub().remove(subscription.topic, subscription);
  }
}
