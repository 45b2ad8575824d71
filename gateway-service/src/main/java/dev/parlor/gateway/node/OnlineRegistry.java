package dev.parlor.gateway.node;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which sessions each user has, across gateways, in the gateway's Redis keys: {@code gw:online:{userId}} (hash:
 * session id → gateway id) and {@code gw:gateways} (sorted set: gateway id → last heartbeat, ms). A session counts as
 * live only while its gateway keeps beating, so the sessions of a dead gateway stop counting on their own.
 */
public final class OnlineRegistry {

  static final String GATEWAYS = "gw:gateways";
  private static final long ONLINE_TTL_SECONDS = 86_400;

  private final Redis redis;
  private final long deadAfterMs;

  public OnlineRegistry(Redis redis, long deadAfterMs) {
    this.redis = redis;
    this.deadAfterMs = deadAfterMs;
  }

  /** Records a session; one pipelined round trip. */
  public Future<Void> opened(String userId, String sessionId, String gatewayId) {
    return redis.batch(List.of(
        Request.cmd(Command.HSET).arg(key(userId)).arg(sessionId).arg(gatewayId),
        Request.cmd(Command.EXPIRE).arg(key(userId)).arg(ONLINE_TTL_SECONDS)))
      .mapEmpty();
  }

  /**
   * Forgets a session; answers whether the user still has a live session on some gateway. The removal and the read of
   * the user's remaining sessions are one pipelined round trip; only when some remain are the live gateways read (a
   * second request: the keys may live on different nodes of a Redis cluster, so they are not one script). A user's
   * last session closing, the common case and every close of a reconnect storm, costs one round trip.
   */
  public Future<Boolean> closed(String userId, String sessionId, long nowMs) {
    return redis.batch(List.of(
        Request.cmd(Command.HDEL).arg(key(userId)).arg(sessionId),
        Request.cmd(Command.HVALS).arg(key(userId))))
      .compose(replies -> {
        Response left = replies.get(1);
        if (left == null || left.size() == 0) {
          return Future.succeededFuture(false);
        }
        return redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(GATEWAYS).arg(nowMs - deadAfterMs).arg("+inf"))
          .map(live -> {
            Set<String> gateways = strings(live);
            for (Response gateway : left) {
              if (gateways.contains(gateway.toString())) {
                return true;
              }
            }
            return false;
          });
      });
  }

  /** Records that a gateway is alive; old entries are pruned. */
  public Future<Void> beat(String gatewayId, long nowMs) {
    return redis.batch(List.of(
        Request.cmd(Command.ZADD).arg(GATEWAYS).arg(nowMs).arg(gatewayId),
        Request.cmd(Command.ZREMRANGEBYSCORE).arg(GATEWAYS).arg("-inf").arg(nowMs - 3_600_000L)))
      .mapEmpty();
  }

  private static Set<String> strings(Response response) {
    Set<String> out = new HashSet<>();
    for (Response item : response) {
      out.add(item.toString());
    }
    return out;
  }

  private static String key(String userId) {
    return "gw:online:{" + userId + "}";
  }
}
