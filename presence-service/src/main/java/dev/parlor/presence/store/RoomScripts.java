package dev.parlor.presence.store;

import dev.parlor.runtime.redis.LuaScript;

/**
 * The Lua scripts of the presence store, each on the keys of one hash slot. The room scripts change one room atomically: membership, member state and the change log move together, so a
 * change is logged exactly when it happened. KEYS are {@link PresenceKeys#room} (members, sessions, counts, changes).
 */
final class RoomScripts {

  /**
   * ARGV: userId, sessionId, name, status mode (k keep, s set, c clear), status, location mode, location JSON,
   * avatar JSON or empty, may-add (1: the session may join the room). Answers {changed, sessionAdded}, or {-1, 0}
   * when the session is not in the room and may not join it here.
   */
  static final LuaScript SET = new LuaScript("""
    if ARGV[9] ~= '1' and redis.call('HEXISTS', KEYS[2], ARGV[2]) == 0 then return {-1, 0} end
    local raw = redis.call('HGET', KEYS[1], ARGV[1])
    local member, kind
    if raw then member = cjson.decode(raw); kind = 'update' else member = {userId = ARGV[1]}; kind = 'join' end
    member.name = ARGV[3]
    if ARGV[4] == 's' then member.status = ARGV[5] elseif ARGV[4] == 'c' then member.status = nil end
    if ARGV[6] == 's' then member.location = cjson.decode(ARGV[7]) elseif ARGV[6] == 'c' then member.location = nil end
    if ARGV[8] ~= '' then member.avatar = cjson.decode(ARGV[8]) end
    local added = 0
    if redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[1]) == 1 then
      redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
      added = 1
    end
    local json = cjson.encode(member)
    if json == raw then return {0, added} end
    redis.call('HSET', KEYS[1], ARGV[1], json)
    redis.call('RPUSH', KEYS[4], '{"k":"' .. kind .. '","u":' .. cjson.encode(ARGV[1]) .. ',"m":' .. json .. '}')
    return {1, added}
    """);

  /** ARGV: sessionId. Answers 0 (session not in the room), 1 (member stays: other sessions) or 2 (member left). */
  static final LuaScript REMOVE_SESSION = new LuaScript("""
    local user = redis.call('HGET', KEYS[2], ARGV[1])
    if not user then return 0 end
    redis.call('HDEL', KEYS[2], ARGV[1])
    if redis.call('HINCRBY', KEYS[3], user, -1) > 0 then return 1 end
    redis.call('HDEL', KEYS[3], user)
    redis.call('HDEL', KEYS[1], user)
    redis.call('RPUSH', KEYS[4], '{"k":"leave","u":' .. cjson.encode(user) .. '}')
    return 2
    """);

  /** ARGV: userId, avatar JSON. Answers 1 when the member is present and was updated. */
  static final LuaScript AVATAR = new LuaScript("""
    local raw = redis.call('HGET', KEYS[1], ARGV[1])
    if not raw then return 0 end
    local member = cjson.decode(raw)
    member.avatar = cjson.decode(ARGV[2])
    local json = cjson.encode(member)
    redis.call('HSET', KEYS[1], ARGV[1], json)
    redis.call('RPUSH', KEYS[4], '{"k":"update","u":' .. cjson.encode(ARGV[1]) .. ',"m":' .. json .. '}')
    return 1
    """);

  /**
   * KEYS: changes, ticker lease. ARGV: tickerId, lease ms. Answers {0} (leased to another ticker), {2} (nothing
   * pending; our lease released) or {1, changes} (taken and removed: nobody else will ever see them).
   */
  static final LuaScript DRAIN = new LuaScript("""
    local owner = redis.call('GET', KEYS[2])
    if owner and owner ~= ARGV[1] then return {0} end
    if redis.call('LLEN', KEYS[1]) == 0 then
      if owner then redis.call('DEL', KEYS[2]) end
      return {2}
    end
    redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
    local changes = redis.call('LRANGE', KEYS[1], 0, -1)
    redis.call('DEL', KEYS[1])
    return {1, changes}
    """);

  /** KEYS: session rooms, session closed marker. ARGV: room. Answers 1 (closed: nothing done) or 0 (room indexed). */
  static final LuaScript INDEX_SESSION = new LuaScript("""
    if redis.call('EXISTS', KEYS[2]) == 1 then return 1 end
    redis.call('SADD', KEYS[1], ARGV[1])
    return 0
    """);

  /** KEYS: user rooms, user avatar. ARGV: room, rooms TTL seconds. Indexes the room; answers the avatar JSON or nil. */
  static final LuaScript INDEX_USER = new LuaScript("""
    redis.call('SADD', KEYS[1], ARGV[1])
    redis.call('EXPIRE', KEYS[1], ARGV[2])
    return redis.call('GET', KEYS[2])
    """);

  /** KEYS: ticker lease. ARGV: tickerId. Deletes the lease only if this ticker holds it. */
  static final LuaScript RELEASE_TICK = new LuaScript("""
    if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
    return 0
    """);

  /** KEYS: gateways. ARGV: gatewayId, deadBeforeMs. Forgets a gateway only if it is still silent. */
  static final LuaScript FORGET_GATEWAY = new LuaScript("""
    local seen = redis.call('ZSCORE', KEYS[1], ARGV[1])
    if seen and tonumber(seen) <= tonumber(ARGV[2]) then redis.call('ZREM', KEYS[1], ARGV[1]) end
    return 0
    """);

  private RoomScripts() {
  }
}
