package dev.parlor.game.sessions;

import dev.parlor.game.store.Keys;
import dev.parlor.runtime.redis.LuaScript;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Session records in Redis ({@link Keys#sessions}, {@link Keys#away}, {@link Keys#GATEWAYS}). They expire after two
 * days without news, long after any abandonment claim could need them.
 */
public final class RedisSessionStore implements SessionStore {

  private static final long KEEP_SECONDS = 2 * 24 * 3600;

  private static final LuaScript CLOSED = new LuaScript("""
    redis.call('HDEL', KEYS[1], ARGV[1])
    if ARGV[2] == '0' or redis.call('HLEN', KEYS[1]) == 0 then
      redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[4])
    end
    return 1
    """);

  private static final LuaScript PRESENCE = new LuaScript("""
    local sessions = redis.call('HGETALL', KEYS[1])
    local away = redis.call('GET', KEYS[2]) or ''
    local beats = {}
    for i = 2, #sessions, 2 do
      beats[#beats + 1] = redis.call('ZSCORE', KEYS[3], sessions[i]) or ''
    end
    return {sessions, away, beats}
    """);

  private final Redis redis;

  public RedisSessionStore(Redis redis) {
    this.redis = redis;
  }

  @Override
  public Future<Void> opened(String sessionId, String userId, String gatewayId) {
    return redis.batch(List.of(
        Request.cmd(Command.HSET).arg(Keys.sessions(userId)).arg(sessionId).arg(gatewayId),
        Request.cmd(Command.EXPIRE).arg(Keys.sessions(userId)).arg(KEEP_SECONDS)))
      .mapEmpty();
  }

  @Override
  public Future<Void> closed(String sessionId, String userId, boolean userOnline, long nowMs) {
    return CLOSED.run(redis, List.of(Keys.sessions(userId), Keys.away(userId)),
      List.of(sessionId, userOnline ? "1" : "0", String.valueOf(nowMs), String.valueOf(KEEP_SECONDS))).mapEmpty();
  }

  @Override
  public Future<Void> heartbeat(String gatewayId, long nowMs) {
    return redis.send(Request.cmd(Command.ZADD).arg(Keys.GATEWAYS).arg(nowMs).arg(gatewayId)).mapEmpty();
  }

  @Override
  public Future<Presence> presence(String userId) {
    return PRESENCE.run(redis, List.of(Keys.sessions(userId), Keys.away(userId), Keys.GATEWAYS), List.of())
      .map(r -> {
        Map<String, String> sessions = new HashMap<>();
        Map<String, Long> beats = new HashMap<>();
        Response pairs = r.get(0);
        Response beatList = r.get(2);
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
          String gateway = pairs.get(i + 1).toString();
          sessions.put(pairs.get(i).toString(), gateway);
          String beat = beatList.get(i / 2).toString();
          if (!beat.isEmpty()) {
            beats.put(gateway, (long) Double.parseDouble(beat));
          }
        }
        String away = r.get(1).toString();
        return new Presence(sessions, away.isEmpty() ? null : Long.parseLong(away), beats);
      });
  }
}
