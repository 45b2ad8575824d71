package dev.parlor.gateway.media;

import dev.parlor.contracts.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * REST errors of the media routes, in the shape of every REST error ({@code {"error":{"code","message"}}}). An upload
 * refused before its body was read also closes the connection: its body may be on the way, or never come.
 */
final class MediaErrors {

  private MediaErrors() {
  }

  static void send(RoutingContext ctx, ErrorCode code, String message, boolean closeConnection) {
    if (ctx.response().ended()) {
      return;
    }
    // HTTP/2 ends just this stream; only an HTTP/1.x connection must go.
    boolean close = closeConnection && ctx.request().version() != HttpVersion.HTTP_2;
    if (close) {
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    }
    ctx.response().setStatusCode(code.httpStatus()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .end(new JsonObject().put("error", new JsonObject().put("code", code.code()).put("message", message)).encode())
      .onComplete(v -> {
        if (close) {
          ctx.request().connection().close();
        }
      });
  }
}
