package dev.parlor.presence;

import dev.parlor.presence.bus.PresenceTiming;
import dev.parlor.presence.bus.PresenceVerticle;
import dev.parlor.presence.store.RedisPresenceStore;
import dev.parlor.presence.store.RoomSizes;
import dev.parlor.runtime.Ids;
import dev.parlor.runtime.ParlorService;
import dev.parlor.runtime.ServiceContext;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;

/** The presence-service: who is online, in which rooms, with which status and where; state under {@code presence:*}. */
public final class PresenceService implements ParlorService {

  @Override
  public String name() {
    return "presence";
  }

  @Override
  public Future<?> deploy(ServiceContext context) {
    RedisPresenceStore store = new RedisPresenceStore(context.redis());
    RoomSizes sizes = new RoomSizes(context.redis(), context.config().getList(PresenceSettings.METRICS_ROOMS),
      context.metrics());
    context.beaconStats(sizes::read);
    PresenceTiming timing = PresenceTiming.of(context.config());
    // One verticle per process: its ticker keeps the rooms it must tick; the instance id names it in tick leases.
    String instanceId = context.nodeId() + "-" + Ids.random(6);
    return context.deploy(() -> new PresenceVerticle(context, store, timing, instanceId), new DeploymentOptions());
  }
}
