package dev.parlor.gateway;

import dev.parlor.gateway.socket.SessionLimits;
import dev.parlor.runtime.config.ServiceConfig;

/** Keys of the gateway; defaults in {@code conf/gateway.json}, documented in docs/configuration.md. */
public final class GatewaySettings {

  public static final String HTTP_PORT = "gateway.http.port";
  public static final String HTTP_HOST = "gateway.http.host";
  public static final String MANAGEMENT_PORT = "gateway.management.port";
  public static final String INSTANCES = "gateway.instances";
  public static final String TOKEN_SECRET = "gateway.token.secret";
  public static final String TOKEN_TTL_SECONDS = "gateway.token.ttl-seconds";
  public static final String HEARTBEAT_MS = "gateway.heartbeat-ms";
  public static final String HELLO_TIMEOUT_MS = "gateway.hello-timeout-ms";
  public static final String MAX_MESSAGE_BYTES = "gateway.max-message-bytes";
  public static final String INSTANCE_HEARTBEAT_MS = "gateway.instance-heartbeat-ms";
  public static final String DEAD_GATEWAY_MS = "gateway.dead-gateway-ms";
  public static final String USER_TOPIC_HISTORY = "gateway.user-topic.history";
  public static final String USER_TOPIC_TTL_SECONDS = "gateway.user-topic.ttl-seconds";
  public static final String OPS_PER_SECOND = "gateway.rate.ops-per-second";
  public static final String OPS_BURST = "gateway.rate.ops-burst";
  public static final String ABUSE_CLOSE_MS = "gateway.rate.abuse-close-ms";
  public static final String PRESENCE_SEND_PER_SECOND = "gateway.rate.presence-send-per-second";
  public static final String PRESENCE_REFUSE_PER_SECOND = "gateway.rate.presence-refuse-per-second";
  public static final String IP_MAX_CONNECTIONS = "gateway.ip.max-connections";
  public static final String IP_NEW_SESSIONS_PER_MINUTE = "gateway.ip.new-sessions-per-minute";
  public static final String ALLOWED_ORIGINS = "gateway.allowed-origins";
  public static final String WRITE_QUEUE_BYTES = "gateway.outbound.write-queue-bytes";
  public static final String MAX_PENDING_BYTES = "gateway.outbound.max-pending-bytes";
  public static final String MAX_TOPICS = "gateway.max-topics-per-session";
  public static final String SOCKJS_SESSION_TIMEOUT_MS = "gateway.sockjs.session-timeout-ms";
  /** The services the operators' overview always lists, even with no instance seen. */
  public static final String OPS_SERVICES = "gateway.ops.services";
  /** An instance unheard of this long leaves the overview. */
  public static final String OPS_FORGET_AFTER_MS = "gateway.ops.forget-after-ms";
  /** How often the delivery canary is published (0: no canary, no {@code delivery} readiness check). */
  public static final String CANARY_INTERVAL_MS = "gateway.canary.interval-ms";
  /** Readiness fails when a canary has not reached every event loop this long after it was sent. */
  public static final String CANARY_BOUND_MS = "gateway.canary.bound-ms";
  /** How often durable topic feeds compare the store's newest offset with what they heard (0: never). */
  public static final String TAIL_CHECK_MS = "gateway.topic.tail-check-ms";
  /** A durable feed is tail-checked while it is this new or heard an event this recently. */
  public static final String TAIL_WATCH_MS = "gateway.topic.tail-watch-ms";
  /** A durable topic's consumer stays registered this long after its last local follower left (0: removed at once). */
  public static final String LINGER_MS = "gateway.topic.linger-ms";
  /** The same for an ephemeral topic (lobby, presence room), whose events nobody hears meanwhile. */
  public static final String EPHEMERAL_LINGER_MS = "gateway.topic.ephemeral-linger-ms";
  public static final String DRAIN_DELAY_MS = "gateway.drain.delay-ms";
  public static final String DRAIN_JITTER_MS = "gateway.drain.jitter-ms";
  public static final String DRAIN_GRACE_MS = "gateway.drain.grace-ms";

  private GatewaySettings() {
  }

  public static SessionLimits sessionLimits(ServiceConfig config) {
    return new SessionLimits(config.getLong(HEARTBEAT_MS), config.getLong(HELLO_TIMEOUT_MS),
      config.getDouble(OPS_PER_SECOND), config.getDouble(OPS_BURST), config.getLong(ABUSE_CLOSE_MS),
      config.getDouble(PRESENCE_SEND_PER_SECOND), config.getDouble(PRESENCE_REFUSE_PER_SECOND),
      config.getLong(MAX_PENDING_BYTES), config.getInt(MAX_TOPICS),
      config.getLong(dev.parlor.runtime.config.CommonSettings.EVENTBUS_REQUEST_TIMEOUT_MS));
  }
}
