package dev.parlor.gateway;

import dev.parlor.gateway.http.GatewayVerticle;
import dev.parlor.gateway.limits.IpLimits;
import dev.parlor.gateway.node.GatewayNode;
import dev.parlor.gateway.node.NodeVerticle;
import dev.parlor.gateway.node.OnlineRegistry;
import dev.parlor.gateway.overview.GatewayOps;
import dev.parlor.gateway.overview.OpsVerticle;
import dev.parlor.gateway.session.Tokens;
import dev.parlor.gateway.topics.RedisUserTopicLog;
import dev.parlor.runtime.ParlorService;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.config.ServiceConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;

/** The gateway: the only door for clients. Terminates WebSockets and SockJS, issues guest sessions, routes ops. */
public final class GatewayService implements ParlorService {

  /** Sessions live in its memory and in Redis, nothing in the cluster's maps: it may join as a lite member. */
  @Override
  public boolean mayJoinLite() {
    return true;
  }

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
    GatewayOps ops = GatewayOps.create(context, node.gatewayId(), node::sessions);
    // Side by side: each one's start mostly waits for the cluster to record its consumers, which a member that just
    // joined (partitions still migrating to it) answers slowly; one after the other they added a second to start-up.
    return Future.all(
      context.deploy(() -> new NodeVerticle(context, node, config.getLong(GatewaySettings.INSTANCE_HEARTBEAT_MS)),
        new DeploymentOptions()),
      context.deploy(() -> new OpsVerticle(ops), new DeploymentOptions()),
      context.deploy(() -> new GatewayVerticle(context, tokens, node).withOps(ops),
        new DeploymentOptions().setInstances(config.getInt(GatewaySettings.INSTANCES))));
  }
}
