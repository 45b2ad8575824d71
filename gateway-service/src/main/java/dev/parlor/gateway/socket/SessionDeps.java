package dev.parlor.gateway.socket;

import dev.parlor.gateway.metrics.GatewayMeters;
import dev.parlor.gateway.ops.OpTable;
import dev.parlor.gateway.session.Tokens;
import dev.parlor.gateway.topics.Snapshots;
import dev.parlor.gateway.topics.TopicHub;
import io.vertx.core.Vertx;

/** What every session of one event loop shares. */
public record SessionDeps(Vertx vertx, Tokens tokens, OpTable ops, TopicHub hub, Snapshots snapshots,
                          SessionLifecycle lifecycle, SessionLimits limits, String gatewayId, SessionSweep sweep,
                          GatewayMeters meters) {

  /** Without meters (nothing scraped): for code that builds sessions outside a gateway, such as benchmarks. */
  public SessionDeps(Vertx vertx, Tokens tokens, OpTable ops, TopicHub hub, Snapshots snapshots,
                     SessionLifecycle lifecycle, SessionLimits limits, String gatewayId, SessionSweep sweep) {
    this(vertx, tokens, ops, hub, snapshots, lifecycle, limits, gatewayId, sweep, GatewayMeters.none());
  }

  public long now() {
    return System.currentTimeMillis();
  }
}
