package dev.parlor.runtime.config;

/** Keys every service process reads; defaults in {@code conf/common.json}, documented in docs/configuration.md. */
public final class CommonSettings {

  public static final String CLUSTER_ENABLED = "cluster.enabled";
  public static final String CLUSTER_NAME = "cluster.name";
  public static final String CLUSTER_HOST = "cluster.host";
  public static final String CLUSTER_PUBLIC_HOST = "cluster.public-host";
  public static final String CLUSTER_PORT = "cluster.port";
  public static final String CLUSTER_PORT_COUNT = "cluster.port-count";
  public static final String CLUSTER_MEMBERS = "cluster.members";
  public static final String CLUSTER_CONFIG_FILE = "cluster.config-file";
  public static final String CLUSTER_JOIN_WAIT_SECONDS = "cluster.join-wait-seconds";
  public static final String CLUSTER_LITE_MEMBERS = "cluster.lite-members";

  public static final String REDIS_URL = "redis.url";
  public static final String REDIS_TYPE = "redis.type";
  public static final String REDIS_MASTER_NAME = "redis.master-name";
  public static final String REDIS_POOL_SIZE = "redis.pool-size";
  public static final String REDIS_POOL_WAITING = "redis.pool-waiting";
  /** Long-lived pipelined connections that carry every non-blocking command (0: every command waits for the pool). */
  public static final String REDIS_PIPELINES = "redis.pipelines";
  /** Commands awaiting their reply on one connection; more fail at once. */
  public static final String REDIS_MAX_IN_FLIGHT = "redis.max-in-flight";
  public static final String REDIS_EMBEDDED_PORT = "redis.embedded.port";
  public static final String REDIS_EMBEDDED_DIR = "redis.embedded.dir";
  public static final String REDIS_EMBEDDED_APPENDONLY = "redis.embedded.appendonly";

  /** Sockets on Linux's epoll (Netty's native transport) when it loads; false, or where it does not: Java NIO. */
  public static final String NETWORK_NATIVE_TRANSPORT = "network.native-transport";
  /** Event-loop threads of the process (0: Vert.x's default, twice the cores). */
  public static final String NETWORK_EVENT_LOOPS = "network.event-loops";
  public static final String EVENTBUS_REQUEST_TIMEOUT_MS = "eventbus.request-timeout-ms";
  public static final String METRICS_ENABLED = "metrics.enabled";
  public static final String SHUTDOWN_DRAIN_MS = "shutdown.drain-ms";
  public static final String SHUTDOWN_GRACE_MS = "shutdown.grace-ms";
  /** How long a stopping node keeps serving after telling the others to route around it, before its consumers go. */
  public static final String SHUTDOWN_DEREGISTRATION_GRACE_MS = "shutdown.deregistration-grace-ms";
  /** How often a process publishes its beacon for the operators' overview (0: never). */
  public static final String OPS_BEACON_MS = "ops.beacon-ms";

  private CommonSettings() {
  }
}
