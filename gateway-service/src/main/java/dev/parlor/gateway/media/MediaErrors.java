package dev.parlor.gateway.media;

import dev.parlor.contracts.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * REST errors of the media routes, in the shape of every REST error ({@code {"error":{"code","message"}}}). An upload
 * refused before its body was read also closes the connection: its body may be on the way, or never come.
 */
final class MediaErrors {

  static final long LINGER_MS = 2_000;
  static final long LINGER_BYTES = 1 << 20;

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
          lingeringClose(ctx);
        }
      });
  }

  /**
   * Closes after reading and dropping what the client is still sending, up to {@value #LINGER_BYTES} bytes or
   * {@value #LINGER_MS} ms (as nginx's lingering close): closing with unread bytes makes the kernel send a reset, and a
   * client still writing its body then loses the answer it was sent.
   */
  private static void lingeringClose(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded()) {
      request.connection().close();
      return;
    }
    long[] dropped = {0};
    long timer = ctx.vertx().setTimer(LINGER_MS, t -> request.connection().close());
    Runnable close = () -> {
      ctx.vertx().cancelTimer(timer);
      request.connection().close();
    };
    request.exceptionHandler(e -> close.run());
    request.endHandler(v -> close.run());
    request.handler(chunk -> {
      dropped[0] += chunk.length();
      if (dropped[0] > LINGER_BYTES) {
        close.run();
      }
    });
    request.resume();
  }
}
