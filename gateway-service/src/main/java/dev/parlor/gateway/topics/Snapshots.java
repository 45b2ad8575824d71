package dev.parlor.gateway.topics;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a subscribe's answer comes from: the gateway's own user log, or the service that owns the topic (which also
 * authorizes game subscribers). Failures are the services' typed failures, decoded by the caller.
 */
public final class Snapshots {

  private final EventBus eventBus;
  private final UserTopicLog userLog;
  private final long timeoutMs;

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
      case GAME -> {
        JsonObject body = new JsonObject().put("gameId", topic.id());
        if (since != null) {
          body.put("since", since);
        }
        if (epoch != null) {
          body.put("epoch", epoch);
        }
        yield request(caller, Addresses.Game.SUBSCRIBE, body).map(reply -> game(topic, reply, since));
      }
    };
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
