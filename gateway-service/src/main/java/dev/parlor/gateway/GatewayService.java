package dev.parlor.gateway;

import dev.parlor.gateway.http.GatewayVerticle;
import dev.parlor.gateway.session.Tokens;
import dev.parlor.runtime.ParlorService;
import dev.parlor.runtime.ServiceContext;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;

/** The gateway: the only door for clients. Terminates WebSockets, issues guest sessions, routes ops to services. */
public final class GatewayService implements ParlorService {

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public Future<?> deploy(ServiceContext context) {
    Tokens tokens = Tokens.fromConfig(context.vertx(), context.config());
    return context.deploy(() -> new GatewayVerticle(context, tokens),
      new DeploymentOptions().setInstances(context.config().getInt(GatewaySettings.INSTANCES)));
  }
}
