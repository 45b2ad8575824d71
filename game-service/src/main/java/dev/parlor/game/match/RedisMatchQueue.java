package dev.parlor.game.match;

import dev.parlor.game.store.Keys;
import dev.parlor.runtime.redis.LuaScript;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;

/**
 * Quick-match queues in Redis: {@link Keys#queue} (user → enqueue time) and {@link Keys#tickets}. One Lua script pops
 * the longest-waiting opponent (skipping players whose gateway went silent), fills the game template with them and
 * stores the game, or queues the caller: paired once, never twice.
 */
public final class RedisMatchQueue implements MatchQueue {

  private static final LuaScript ENQUEUE = new LuaScript("""
    local function replace(s, token, value)
      local parts = {}
      local from = 1
      while true do
        local i, j = string.find(s, token, from, true)
        if not i then break end
        parts[#parts + 1] = string.sub(s, from, i - 1)
        parts[#parts + 1] = value
        from = j + 1
      end
      parts[#parts + 1] = string.sub(s, from)
      return table.concat(parts)
    end
    if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
      return {'queued'}
    end
    while true do
      local head = redis.call('ZRANGE', KEYS[1], 0, 0)
      if #head == 0 then break end
      local other = head[1]
      local raw = redis.call('HGET', KEYS[2], other)
      redis.call('ZREM', KEYS[1], other)
      redis.call('HDEL', KEYS[2], other)
      if raw then
        local ticket = cjson.decode(raw)
        local beat = false
        if type(ticket.gatewayId) == 'string' then
          beat = redis.call('ZSCORE', KEYS[3], ticket.gatewayId)
        end
        if not beat or tonumber(beat) >= tonumber(ARGV[4]) then
          local id = cjson.encode(ticket.userId)
          local name = cjson.encode(ticket.name)
          local state = replace(replace(ARGV[7], ARGV[5], id), ARGV[6], name)
          local event = replace(replace(ARGV[8], ARGV[5], id), ARGV[6], name)
          redis.call('HSET', KEYS[4], 'v', '1', 's', state)
          redis.call('RPUSH', KEYS[5], event)
          redis.call('SADD', KEYS[6], ARGV[9])
          return {'matched', state, raw}
        end
      end
    end
    redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
    redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
    return {'queued'}
    """);

  private final Redis redis;

  public RedisMatchQueue(Redis redis) {
    this.redis = redis;
  }

  @Override
  public Future<Paired> enqueue(String kind, JsonObject ticket, MatchTemplate template, long nowMs,
                                long silentBeforeMs) {
    return ENQUEUE.run(redis,
      List.of(Keys.queue(kind), Keys.tickets(kind), Keys.GATEWAYS, Keys.game(template.gameId()),
        Keys.events(template.gameId()), Keys.PLAYING),
      List.of(ticket.getString("userId"), ticket.encode(), String.valueOf(nowMs), String.valueOf(silentBeforeMs),
        template.idToken(), template.nameToken(), template.state(), template.event(), template.gameId())).map(r -> r.get(0).toString().equals("matched")
      ? new Paired(new JsonObject(r.get(1).toString()), new JsonObject(r.get(2).toString()))
      : new Paired(null, null));
  }

  @Override
  public Future<Void> cancel(String kind, String userId) {
    return drop(List.of(kind), userId);
  }

  @Override
  public Future<Void> drop(List<String> kinds, String userId) {
    // The queue entry goes first: the pairing script drops an entry whose ticket is already gone.
    List<Request> requests = new java.util.ArrayList<>();
    for (String kind : kinds) {
      requests.add(Request.cmd(Command.ZREM).arg(Keys.queue(kind)).arg(userId));
      requests.add(Request.cmd(Command.HDEL).arg(Keys.tickets(kind)).arg(userId));
    }
    return redis.batch(requests).mapEmpty();
  }
}
