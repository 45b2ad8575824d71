package dev.parlor.gateway.overview;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/ops/overview}: what the operators' page ({@code /ops}) shows. */
public final class OpsRoutes {

  private final GatewayOps ops;

  private OpsRoutes(GatewayOps ops) {
    this.ops = ops;
  }

  public static void mount(Router router, GatewayOps ops) {
    router.get("/api/v1/ops/overview").handler(new OpsRoutes(ops)::overview);
  }

  private void overview(RoutingContext ctx) {
    ops.overview().onSuccess(view -> ctx.response().putHeader("content-type", "application/json")
      .putHeader("cache-control", "no-store").end(view.encode())).onFailure(ctx::fail);
  }
}
