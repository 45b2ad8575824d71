package dev.parlor.suite;

import dev.parlor.runtime.ParlorService;
import dev.parlor.runtime.ServiceContext;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import dev.parlor.runtime.ServiceVerticle;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/** A tiny service for cluster tests: answers {@value #WHO_AM_I} with the node id that served the request. */
final class ProbeService implements ParlorService {

  static final String WHO_AM_I = "test.probe.whoami";
  /** Answers after {@value #SLOW_MS} ms, for graceful-stop tests. */
  static final String SLOW = "test.probe.slow";
  static final long SLOW_MS = 700;

  private final boolean slow;

  ProbeService() {
    this(false);
  }

  /** With {@code slow}, this instance alone also serves {@link #SLOW}. */
  ProbeService(boolean slow) {
    this.slow = slow;
  }

  @Override
  public String name() {
    return "probe";
  }

  @Override
  public Future<?> deploy(ServiceContext context) {
    String nodeId = context.nodeId();
    return context.deploy(() -> new ServiceVerticle(context) {
      @Override
      public Future<?> start() {
        Future<Void> whoAmI = consume(WHO_AM_I,
          (Message<JsonObject> message) -> message.reply(new JsonObject().put("nodeId", nodeId)));
        if (!slow) {
          return whoAmI;
        }
        return Future.join(whoAmI, consume(SLOW, (Message<JsonObject> message) -> vertx.setTimer(SLOW_MS,
          t -> message.reply(new JsonObject().put("nodeId", nodeId)))));
      }
    }, new DeploymentOptions());
  }
}
