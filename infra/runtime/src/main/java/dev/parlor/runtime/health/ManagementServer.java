package dev.parlor.runtime.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

/**
 * The management port of a service: {@code /health/live} (the process answers), {@code /health/ready} (it can
 * serve: 200 UP or 503 DOWN, with every check in the body) and {@code /metrics} (Prometheus).
 */
public final class ManagementServer {

  private ManagementServer() {
  }

  /** Mounts the two health routes on a router; the gateway mounts them on its public port too. */
  public static void mountHealth(Vertx vertx, Router router, HealthChecks readiness) {
    HealthChecks liveness = HealthChecks.create(vertx).register("process", promise -> promise.complete(Status.OK()));
    router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(liveness));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(readiness));
  }

  public static Future<HttpServer> start(Vertx vertx, int port, HealthChecks readiness, Metrics metrics) {
    Router router = Router.router(vertx);
    mountHealth(vertx, router, readiness);
    router.get("/metrics").handler(metrics.scrapingHandler());
    return vertx.createHttpServer().requestHandler(router).listen(port);
  }
}
