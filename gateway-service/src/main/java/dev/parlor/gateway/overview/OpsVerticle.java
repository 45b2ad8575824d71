package dev.parlor.gateway.overview;

import dev.parlor.contracts.Addresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;

/** Once per gateway process: listens to every instance's beacon, and publishes the delivery canary. */
public final class OpsVerticle extends VerticleBase {

  private final GatewayOps ops;

  public OpsVerticle(GatewayOps ops) {
    this.ops = ops;
  }

  @Override
  public Future<?> start() {
    if (ops.canaryIntervalMs() > 0) {
      vertx.setPeriodic(ops.canaryIntervalMs(), id -> ops.publishCanary(vertx.eventBus()));
    }
    return vertx.eventBus().consumer(Addresses.Ops.BEACON, this::beacon).completion();
  }

  private void beacon(Message<Object> message) {
    ops.board().record(message.body(), System.currentTimeMillis());
  }
}
