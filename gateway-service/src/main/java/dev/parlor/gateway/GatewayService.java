package dev.parlor.gateway;

import dev.parlor.gateway.http.GatewayVerticle;
import dev.parlor.gateway.limits.IpLimits;
import dev.parlor.gateway.node.GatewayNode;
import dev.parlor.gateway.node.NodeVerticle;
import dev.parlor.gateway.node.OnlineRegistry;
import dev.parlor.gateway.overview.DeliveryCanary;
import dev.parlor.gateway.overview.GatewayOps;
import dev.parlor.gateway.overview.InstanceBoard;
import dev.parlor.gateway.overview.OpsVerticle;
import dev.parlor.contracts.jobs.JobQueues;
import dev.parlor.jobs.QueueOptions;
import dev.parlor.jobs.RedisJobQueue;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.json.JsonObject;
import dev.parlor.gateway.session.Tokens;
import dev.parlor.gateway.topics.RedisUserTopicLog;
import dev.parlor.runtime.ParlorService;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.config.ServiceConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;

/** The gateway: the only door for clients. Terminates WebSockets and SockJS, issues guest sessions, routes ops. */
public final class GatewayService implements ParlorService {

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public Future<?> deploy(ServiceContext context) {
    ServiceConfig config = context.config();
    Tokens tokens = Tokens.fromConfig(context.vertx(), config);
    GatewayNode node = new GatewayNode(context.nodeId(), context.vertx().eventBus(),
      new OnlineRegistry(context.redis(), config.getLong(GatewaySettings.DEAD_GATEWAY_MS)),
      new RedisUserTopicLog(context.redis(), config.getInt(GatewaySettings.USER_TOPIC_HISTORY),
        config.getLong(GatewaySettings.USER_TOPIC_TTL_SECONDS)),
      new IpLimits(config.getInt(GatewaySettings.IP_MAX_CONNECTIONS),
        config.getInt(GatewaySettings.IP_NEW_SESSIONS_PER_MINUTE), System::currentTimeMillis));
    long canaryIntervalMs = config.getLong(GatewaySettings.CANARY_INTERVAL_MS);
    GatewayOps ops = new GatewayOps(new InstanceBoard(config.getList(GatewaySettings.OPS_SERVICES),
      config.getLong(GatewaySettings.OPS_FORGET_AFTER_MS)),
      new RedisJobQueue(context.redis(), QueueOptions.defaults(JobQueues.THUMBNAIL)), context.requestTimeoutMs(),
      node.gatewayId(), new DeliveryCanary(canaryIntervalMs, config.getLong(GatewaySettings.CANARY_BOUND_MS)),
      context.metrics());
    context.beaconStats(() -> Future.succeededFuture(new JsonObject().put("sessions", node.sessions())));
    Gauge.builder("parlor.gateway.sessions", node, GatewayNode::sessions)
      .description("client sessions welcomed and still open on this gateway").register(context.metrics());
    if (canaryIntervalMs > 0) {
      context.readiness().register("delivery", promise -> promise.complete(ops.canaryStatus()));
    }
    return context.deploy(() -> new NodeVerticle(context, node, config.getLong(GatewaySettings.INSTANCE_HEARTBEAT_MS)),
        new DeploymentOptions())
      .compose(v -> context.deploy(() -> new OpsVerticle(ops, canaryIntervalMs), new DeploymentOptions()))
      .compose(v -> context.deploy(() -> new GatewayVerticle(context, tokens, node).withOps(ops),
        new DeploymentOptions().setInstances(config.getInt(GatewaySettings.INSTANCES))));
  }
}
