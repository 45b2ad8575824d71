package dev.parlor.presence;

import dev.parlor.runtime.ParlorService;
import dev.parlor.runtime.ServiceContext;
import io.vertx.core.Future;

/** The presence-service: who is online, in which rooms, with which status and where; state under {@code presence:*}. */
public final class PresenceService implements ParlorService {

  @Override
  public String name() {
    return "presence";
  }

  @Override
  public Future<?> deploy(ServiceContext context) {
    return Future.succeededFuture();
  }
}
