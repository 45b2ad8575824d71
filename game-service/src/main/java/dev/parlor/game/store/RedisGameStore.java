package dev.parlor.game.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * Games in Redis: {@code game:<id>} holds the state, {@code game:<id>:events} the ordered history (offset = position
 * + 1), {@code game:invite:<code>} maps an invite code to its game. Writes are single Lua scripts, so a state and its
 * event are stored together or not at all.
 */
public final class RedisGameStore implements GameStore {

  private static final String CREATE = """
    redis.call('SET', KEYS[1], ARGV[1])
    redis.call('SET', KEYS[3], ARGV[3])
    return redis.call('RPUSH', KEYS[2], ARGV[2])
    """;

  private final Redis redis;

  public RedisGameStore(Redis redis) {
    this.redis = redis;
  }

  @Override
  public Future<Long> create(JsonObject game, JsonObject createdEvent) {
    String id = game.getString("gameId");
    return redis.send(Request.cmd(Command.EVAL).arg(CREATE).arg(3)
        .arg(stateKey(id)).arg(eventsKey(id)).arg(inviteKey(game.getString("inviteCode")))
        .arg(game.encode()).arg(createdEvent.encode()).arg(id))
      .map(offset -> offset.toLong());
  }

  static String stateKey(String gameId) {
    return "game:" + gameId;
  }

  static String eventsKey(String gameId) {
    return "game:" + gameId + ":events";
  }

  static String inviteKey(String code) {
    return "game:invite:" + code;
  }
}
