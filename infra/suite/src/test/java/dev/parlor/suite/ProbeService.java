package dev.parlor.suite;

import dev.parlor.runtime.ParlorService;
import dev.parlor.runtime.ServiceContext;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/** A tiny service for cluster tests: answers {@value #WHO_AM_I} with the node id that served the request. */
final class ProbeService implements ParlorService {

  static final String WHO_AM_I = "test.probe.whoami";

  @Override
  public String name() {
    return "probe";
  }

  @Override
  public Future<?> deploy(ServiceContext context) {
    String nodeId = context.nodeId();
    return context.deploy(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.eventBus().<JsonObject>consumer(WHO_AM_I,
          message -> message.reply(new JsonObject().put("nodeId", nodeId))).completion();
      }
    }, new DeploymentOptions());
  }
}
