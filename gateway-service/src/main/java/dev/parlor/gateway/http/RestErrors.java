package dev.parlor.gateway.http;

import dev.parlor.contracts.ErrorCode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every REST error: {@code {"error":{"code","message"}}} with the status of its code. */
public final class RestErrors {

  private RestErrors() {
  }

  public static void send(RoutingContext ctx, ErrorCode code, String message) {
    send(ctx, code.httpStatus(), code, message);
  }

  /** With a status other than the code's own (405 for a known path with the wrong method). */
  public static void send(RoutingContext ctx, int status, ErrorCode code, String message) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    ctx.response().setStatusCode(status)
      .putHeader("content-type", "application/json")
      .end(new JsonObject().put("error", new JsonObject().put("code", code.code()).put("message", message)).encode());
  }

  /** The error handlers of a router, so that no failure ever answers HTML. */
  public static void mount(io.vertx.ext.web.Router router) {
    router.errorHandler(400, ctx -> send(ctx, ErrorCode.INVALID_ARGS, "bad request"));
    router.errorHandler(403, ctx -> send(ctx, ErrorCode.FORBIDDEN, "forbidden"));
    router.errorHandler(404, ctx -> send(ctx, ErrorCode.NOT_FOUND, "no such resource"));
    router.errorHandler(405, ctx -> send(ctx, 405, ErrorCode.NOT_FOUND, "method not allowed on this resource"));
    router.errorHandler(413, ctx -> send(ctx, ErrorCode.TOO_LARGE, "request body too large"));
    router.errorHandler(415, ctx -> send(ctx, ErrorCode.UNSUPPORTED_MEDIA, "unsupported media type"));
    router.errorHandler(500, ctx -> send(ctx, ErrorCode.INTERNAL, "internal error"));
  }
}
