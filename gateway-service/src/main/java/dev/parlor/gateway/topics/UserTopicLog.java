package dev.parlor.gateway.topics;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The durable history of user topics, owned by the gateway: an offset counter, an epoch that changes when the history
 * is lost, and the most recent events.
 */
public interface UserTopicLog {

  /** Appends an event atomically; answers its offset. */
  Future<Long> append(String userId, String event, JsonObject data);

  /** The current offset and epoch, creating the epoch if the user has none yet. */
  Future<Snapshot> head(String userId);

  /** The current offset of each user's topic (0 for one with no events), in one round trip. */
  Future<Map<String, Long>> heads(List<String> userIds);

  /** The head plus, when {@code since} is given and recoverable, every event after it. */
  Future<Snapshot> replay(String userId, Long since, String epoch);
}
