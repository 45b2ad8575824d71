package dev.parlor.game.store;

import dev.parlor.runtime.redis.LuaScript;

/** The Lua scripts behind {@link RedisGameStore}: each change is one script, so it happens whole or not at all. */
final class GameScripts {

  /**
   * One game change. KEYS: state, events, lobby, invite, playing. ARGV: expected version (0: must not exist), new
   * version, state, lobby op (add|del|-), game id, summary, invite op (set|del|-), ttl seconds (0: none), event,
   * playing op (add|del): the game is in the set of games in progress exactly while its status is playing.
   * Answers the event's offset, or -1 when the stored version is not the expected one.
   */
  static final LuaScript WRITE = new LuaScript("""
    if ARGV[11] ~= '0' then
      local now = redis.call('TIME')
      if tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) > tonumber(ARGV[11]) then return -2 end
    end
    local current = redis.call('HGET', KEYS[1], 'v')
    if ARGV[1] == '0' then
      if current then return -1 end
    elseif current ~= ARGV[1] then
      return -1
    end
    redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
    local offset = redis.call('RPUSH', KEYS[2], ARGV[9])
    if ARGV[4] == 'add' then
      redis.call('HSET', KEYS[3], ARGV[5], ARGV[6])
    elseif ARGV[4] == 'del' then
      redis.call('HDEL', KEYS[3], ARGV[5])
    end
    if ARGV[7] == 'set' then
      redis.call('SET', KEYS[4], ARGV[5])
    elseif ARGV[7] == 'del' then
      redis.call('DEL', KEYS[4])
    end
    if ARGV[10] == 'add' then
      redis.call('SADD', KEYS[5], ARGV[5])
    else
      redis.call('SREM', KEYS[5], ARGV[5])
    end
    local ttl = tonumber(ARGV[8])
    if ttl > 0 then
      redis.call('EXPIRE', KEYS[1], ttl)
      redis.call('EXPIRE', KEYS[2], ttl)
    end
    return offset
    """);

  /**
   * A rematch. KEYS: old state, old events, new state, new events, playing. ARGV: old expected version, old new
   * version, old state, old event, ttl of the old game, new state, new event, old game id, new game id (it starts
   * playing at once). Answers the old game's new offset, or -1.
   */
  static final LuaScript REMATCH = new LuaScript("""
    if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return -1 end
    if redis.call('EXISTS', KEYS[3]) == 1 then return -1 end
    redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
    local offset = redis.call('RPUSH', KEYS[2], ARGV[4])
    local ttl = tonumber(ARGV[5])
    if ttl > 0 then
      redis.call('EXPIRE', KEYS[1], ttl)
      redis.call('EXPIRE', KEYS[2], ttl)
    end
    redis.call('HSET', KEYS[3], 'v', '1', 's', ARGV[6])
    redis.call('RPUSH', KEYS[4], ARGV[7])
    redis.call('SREM', KEYS[5], ARGV[8])
    redis.call('SADD', KEYS[5], ARGV[9])
    return offset
    """);

  /** The state and offset of a game, read together. KEYS: state, events. Answers {state or '', offset}. */
  static final LuaScript LOAD = new LuaScript("""
    local state = redis.call('HGET', KEYS[1], 's')
    if not state then return {'', 0} end
    return {state, redis.call('LLEN', KEYS[2])}
    """);

  /**
   * A consistent read of a topic. KEYS: state, events, epoch. ARGV: since (-1: no events), a fresh epoch used only
   * when none is stored. Answers {epoch, offset, state or '', events after since}.
   */
  static final LuaScript HISTORY = new LuaScript("""
    redis.call('SET', KEYS[3], ARGV[2], 'NX')
    local epoch = redis.call('GET', KEYS[3])
    local state = redis.call('HGET', KEYS[1], 's')
    if not state then return {epoch, 0, '', {}} end
    local offset = redis.call('LLEN', KEYS[2])
    local since = tonumber(ARGV[1])
    local events = {}
    if since >= 0 and since < offset then
      events = redis.call('LRANGE', KEYS[2], since, -1)
    end
    return {epoch, offset, state, events}
    """);

  private GameScripts() {
  }
}
