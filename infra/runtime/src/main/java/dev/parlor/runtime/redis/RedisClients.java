package dev.parlor.runtime.redis;

import dev.parlor.runtime.config.CommonSettings;
import dev.parlor.runtime.config.ServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import java.util.Locale;

/** Builds the pooled Redis client from {@code redis.*} settings: standalone, Sentinel or Cluster. */
public final class RedisClients {

  private RedisClients() {
  }

  /** The client, with each command timed and each failure counted in {@code registry}. */
  public static Redis create(Vertx vertx, ServiceConfig config, String url, MeterRegistry registry) {
    return new MeteredRedis(create(vertx, config, url), registry);
  }

  public static Redis create(Vertx vertx, ServiceConfig config, String url) {
    RedisClientType type = RedisClientType.valueOf(config.getString(CommonSettings.REDIS_TYPE).toUpperCase(Locale.ROOT));
    RedisOptions options = new RedisOptions()
      .setType(type)
      .setMaxPoolSize(config.getInt(CommonSettings.REDIS_POOL_SIZE))
      .setMaxPoolWaiting(config.getInt(CommonSettings.REDIS_POOL_WAITING))
      .setMaxWaitingHandlers(config.getInt(CommonSettings.REDIS_MAX_IN_FLIGHT));
    for (String endpoint : url.split(",")) {
      options.addConnectionString(endpoint.trim());
    }
    if (type == RedisClientType.SENTINEL) {
      options.setMasterName(config.getString(CommonSettings.REDIS_MASTER_NAME)).setRole(RedisRole.MASTER);
    }
    Redis pool = Redis.createClient(vertx, options);
    int pipelines = config.getInt(CommonSettings.REDIS_PIPELINES);
    return pipelines > 0 ? new PipelinedRedis(vertx, pool, pipelines) : pool;
  }
}
