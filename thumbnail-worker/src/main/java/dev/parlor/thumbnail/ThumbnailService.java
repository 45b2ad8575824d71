package dev.parlor.thumbnail;

import dev.parlor.runtime.ParlorService;
import dev.parlor.runtime.ServiceContext;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;

/** The thumbnail worker: pulls thumbnail jobs from the Redis queue, scales images, stores and announces them. */
public final class ThumbnailService implements ParlorService {

  /** Jobs live in Redis streams, nothing in the cluster's maps: it may join as a lite member. */
  @Override
  public boolean mayJoinLite() {
    return true;
  }

  @Override
  public String name() {
    return "thumbnail";
  }

  @Override
  public Future<?> deploy(ServiceContext context) {
    return context.deploy(() -> new ThumbnailVerticle(context), new DeploymentOptions());
  }
}
