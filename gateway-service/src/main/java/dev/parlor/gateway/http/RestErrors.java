package dev.parlor.gateway.http;

import dev.parlor.contracts.ErrorCode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every REST error: {@code {"error":{"code","message"}}} with the status of its code. */
public final class RestErrors {

  private RestErrors() {
  }

  public static void send(RoutingContext ctx, ErrorCode code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(code.httpStatus())
      .putHeader("content-type", "application/json")
      .end(new JsonObject().put("error", new JsonObject().put("code", code.code()).put("message", message)).encode());
  }
}
