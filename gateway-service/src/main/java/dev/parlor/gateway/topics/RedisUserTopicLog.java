package dev.parlor.gateway.topics;

import dev.parlor.runtime.Ids;
import dev.parlor.runtime.redis.LuaScript;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * User topics in Redis, under the gateway's {@code gw:} prefix, one hash-tagged key group per user (so Redis Cluster
 * keeps them in one slot): {@code gw:user:{id}:seq} (last offset), {@code :epoch}, {@code :log} (a sorted set of
 * {@code "<offset>:<json>"} by offset, trimmed to the most recent events). Every change is one Lua script, so an
 * append is atomic and a lost epoch always restarts the offsets. All keys expire after a quiet period; their loss is
 * then seen by clients as a new epoch.
 */
public final class RedisUserTopicLog implements UserTopicLog {

  private static final String HEAD = """
    local epoch = redis.call('GET', KEYS[2])
    if not epoch then
      epoch = ARGV[1]
      redis.call('DEL', KEYS[1], KEYS[3])
      redis.call('SET', KEYS[2], epoch, 'EX', ARGV[2])
    end
    local seq = tonumber(redis.call('GET', KEYS[1]) or '0')
    """;

  private static final LuaScript APPEND = new LuaScript(HEAD + """
    local offset = redis.call('INCR', KEYS[1])
    redis.call('ZADD', KEYS[3], offset, offset .. ':' .. ARGV[3])
    redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -tonumber(ARGV[4]) - 1)
    for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[2]) end
    return {offset, epoch}
    """);

  private static final LuaScript REPLAY = new LuaScript(HEAD + """
    local since = tonumber(ARGV[3])
    if since < 0 then return {seq, epoch, -1} end
    if (ARGV[4] ~= '' and ARGV[4] ~= epoch) or since > seq then return {seq, epoch, 0} end
    if since == seq then return {seq, epoch, 1} end
    local items = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. since, '+inf')
    if #items == 0 or tonumber(string.match(items[1], '^(%d+):')) ~= since + 1 then return {seq, epoch, 0} end
    return {seq, epoch, 1, unpack(items)}
    """);

  private final Redis redis;
  private final int history;
  private final long ttlSeconds;

  public RedisUserTopicLog(Redis redis, int history, long ttlSeconds) {
    this.redis = redis;
    this.history = history;
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public Future<Long> append(String userId, String event, JsonObject data) {
    String payload = new JsonObject().put("event", event).put("data", data).encode();
    return eval(APPEND, userId, payload, String.valueOf(history)).map(r -> r.get(0).toLong());
  }

  @Override
  public Future<Snapshot> head(String userId) {
    return replay(userId, null, null);
  }

  @Override
  public Future<Map<String, Long>> heads(List<String> userIds) {
    if (userIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<Request> reads = userIds.stream().map(id -> Request.cmd(Command.GET).arg(key(id, "seq"))).toList();
    return redis.batch(reads).map(replies -> {
      Map<String, Long> heads = new HashMap<>();
      for (int i = 0; i < userIds.size(); i++) {
        Response seq = replies.get(i);
        heads.put(userIds.get(i), seq == null ? 0L : seq.toLong());
      }
      return heads;
    });
  }

  @Override
  public Future<Snapshot> replay(String userId, Long since, String epoch) {
    TopicName topic = TopicName.user(userId);
    return eval(REPLAY, userId, String.valueOf(since == null ? -1 : since), epoch == null ? "" : epoch).map(r -> {
      long recovered = r.get(2).toLong();
      List<TopicEvent> events = new ArrayList<>();
      for (int i = 3; i < r.size(); i++) {
        String item = r.get(i).toString();
        int colon = item.indexOf(':');
        JsonObject stored = new JsonObject(item.substring(colon + 1))
          .put("offset", Long.parseLong(item.substring(0, colon)));
        events.add(TopicEvent.of(topic, stored));
      }
      return new Snapshot(new JsonObject(), r.get(0).toLong(), r.get(1).toString(),
        recovered < 0 ? null : recovered == 1, events);
    });
  }

  private static String key(String userId, String part) {
    return "gw:user:{" + userId + "}:" + part;
  }

  private Future<Response> eval(LuaScript script, String userId, String... args) {
    List<Object> argv = new ArrayList<>(2 + args.length);
    argv.add(Ids.random(12));
    argv.add(ttlSeconds);
    argv.addAll(Arrays.asList(args));
    return script.run(redis, List.of(key(userId, "seq"), key(userId, "epoch"), key(userId, "log")), argv);
  }
}
