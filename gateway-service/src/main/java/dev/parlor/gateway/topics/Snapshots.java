package dev.parlor.gateway.topics;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a subscribe's answer comes from: the gateway's own user log, or the service that owns the topic (which also
 * authorizes game subscribers). Failures are the services' typed failures, decoded by the caller.
 *
 * <p>Spectators of one game who resume from the same offset at once (a popular game's watchers after a network
 * blip, a reconnect storm) share one request to the game-service: a game subscribe asked while the same one
 * ({@code gameId}, {@code since}, {@code epoch}) is in flight on this event loop waits for that answer and takes it
 * if it was made for the same view — the caller is a player of the game in that answer exactly when the first
 * asker was (players see the invite code; a private game answers players only). Otherwise, or if the shared request
 * failed, it asks on its own. Sharing keeps the subscribe's guarantee: the shared request was sent after the topic's
 * consumer on this event loop was registered (every subscribe waits for that first), so no event falls between the
 * answer and the live feed. One instance per event loop; used there only.
 */
public final class Snapshots {

  private final EventBus eventBus;
  private final UserTopicLog userLog;
  private final long timeoutMs;
  /** Game subscribes in flight, by gameId, since and epoch. */
  private final Map<Key, Shared> inFlight = new HashMap<>();

  public Snapshots(EventBus eventBus, UserTopicLog userLog, long timeoutMs) {
    this.eventBus = eventBus;
    this.userLog = userLog;
    this.timeoutMs = timeoutMs;
  }

  public Future<Snapshot> fetch(Caller caller, TopicName topic, Long since, String epoch) {
    return switch (topic.kind()) {
      case USER -> userLog.replay(topic.id(), since, epoch);
      case LOBBY -> request(caller, Addresses.Game.LOBBY, new JsonObject()).map(Snapshot::ephemeral);
      case CANARY -> Future.failedFuture(new IllegalArgumentException("the canary topic has no snapshot"));
      case PRESENCE -> request(caller, Addresses.Presence.SNAPSHOT, new JsonObject().put("room", topic.id()))
        .map(Snapshot::ephemeral);
      case GAME -> gameSnapshot(caller, topic, since, epoch);
    };
  }

  private Future<Snapshot> gameSnapshot(Caller caller, TopicName topic, Long since, String epoch) {
    Key key = new Key(topic.id(), since, epoch);
    Shared shared = inFlight.get(key);
    if (shared != null) {
      return shared.answer.transform(first -> first.succeeded()
        && isPlayer(first.result(), caller.userId()) == isPlayer(first.result(), shared.askedBy)
        ? shared.snapshot : snapshotOf(topic, since, askGame(caller, topic, since, epoch)));
    }
    Future<JsonObject> answer = askGame(caller, topic, since, epoch);
    // Mapped once: every subscriber it serves gets the same events and the same encoded snapshot.
    Shared mine = new Shared(caller.userId(), answer, snapshotOf(topic, since, answer));
    inFlight.put(key, mine);
    answer.onComplete(done -> inFlight.remove(key, mine));
    return mine.snapshot;
  }

  private static Future<Snapshot> snapshotOf(TopicName topic, Long since, Future<JsonObject> answer) {
    return answer.map(reply -> game(topic, reply, since));
  }

  private Future<JsonObject> askGame(Caller caller, TopicName topic, Long since, String epoch) {
    JsonObject body = new JsonObject().put("gameId", topic.id());
    if (since != null) {
      body.put("since", since);
    }
    if (epoch != null) {
      body.put("epoch", epoch);
    }
    return request(caller, Addresses.Game.SUBSCRIBE, body);
  }

  /** Whether the game in a subscribe answer has {@code userId} among its players. */
  private static boolean isPlayer(JsonObject reply, String userId) {
    JsonObject snapshot = reply.getJsonObject("snapshot");
    JsonObject game = snapshot == null ? null : snapshot.getJsonObject("game");
    JsonArray players = game == null ? null : game.getJsonArray("players");
    if (players != null) {
      for (Object player : players) {
        if (player instanceof JsonObject p && userId.equals(p.getString("userId"))) {
          return true;
        }
      }
    }
    return false;
  }

  private record Key(String gameId, Long since, String epoch) {
  }

  private record Shared(String askedBy, Future<JsonObject> answer, Future<Snapshot> snapshot) {
  }

  private static Snapshot game(TopicName topic, JsonObject reply, Long since) {
    List<TopicEvent> events = new ArrayList<>();
    JsonArray replayed = reply.getJsonArray("events", new JsonArray());
    for (Object item : replayed) {
      TopicEvent event = TopicEvent.of(topic, item);
      if (event != null) {
        events.add(event);
      }
    }
    events.sort((a, b) -> Long.compare(a.offset(), b.offset()));
    Boolean recovered = since == null ? null : reply.getBoolean("recovered", false);
    return new Snapshot(reply.getJsonObject("snapshot", new JsonObject()), reply.getLong("offset", 0L),
      String.valueOf(reply.getValue("epoch", "")), recovered, events);
  }

  private Future<JsonObject> request(Caller caller, String address, JsonObject body) {
    DeliveryOptions options = caller.addTo(new DeliveryOptions().setSendTimeout(timeoutMs));
    return eventBus.<JsonObject>request(address, body, options).map(message -> message.body());
  }
}
