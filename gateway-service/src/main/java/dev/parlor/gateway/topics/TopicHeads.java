package dev.parlor.gateway.topics;

import dev.parlor.contracts.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest offset of durable topics, asked of their owners in one round trip per kind: user topics of the gateway's
 * own log, game topics of the game-service. Topics it cannot tell about are absent from the answer.
 */
public final class TopicHeads {

  private final EventBus eventBus;
  private final UserTopicLog userLog;
  private final long timeoutMs;

  public TopicHeads(EventBus eventBus, UserTopicLog userLog, long timeoutMs) {
    this.eventBus = eventBus;
    this.userLog = userLog;
    this.timeoutMs = timeoutMs;
  }

  /** At most {@link Addresses.Game#MAX_HEADS} ids of one kind. */
  public Future<Map<String, Long>> of(TopicName.Kind kind, List<String> ids) {
    return switch (kind) {
      case USER -> userLog.heads(ids);
      case GAME -> eventBus.<JsonObject>request(Addresses.Game.HEADS,
          new JsonObject().put("gameIds", new JsonArray(List.copyOf(ids))),
          new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(reply -> {
          JsonObject offsets = reply.body().getJsonObject("offsets", new JsonObject());
          Map<String, Long> heads = new HashMap<>();
          for (String id : ids) {
            if (offsets.getValue(id) instanceof Number offset) {
              heads.put(id, offset.longValue());
            }
          }
          return heads;
        });
      default -> Future.succeededFuture(Map.of());
    };
  }
}
