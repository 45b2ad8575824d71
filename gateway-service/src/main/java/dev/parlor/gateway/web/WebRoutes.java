package dev.parlor.gateway.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the browser client: the pages and scripts under the classpath folder {@code webroot}, the front-end
 * packages bundled as WebJars under {@code /webjars}, and the two deep links a person may open directly,
 * {@code /join/<inviteCode>} and {@code /ops}. Mounted last, so the API and socket routes always win.
 */
public final class WebRoutes {

  /** WebJar paths carry their version, so a browser may keep them for a year. */
  static final long WEBJAR_MAX_AGE_SECONDS = 365L * 24 * 3600;
  /** The client's own files change with every release: browsers revalidate them (ETag/Last-Modified, 304). */
  static final String APP_CACHE_CONTROL = "no-cache";

  private WebRoutes() {
  }

  public static void mount(Router router) {
    router.route("/webjars/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
      .handler(StaticHandler.create("META-INF/resources/webjars")
        .setCachingEnabled(true)
        .setMaxAgeSeconds(WEBJAR_MAX_AGE_SECONDS));
    router.get("/join/:inviteCode").handler(ctx -> ctx.reroute("/index.html"));
    router.get("/ops").handler(ctx -> ctx.reroute("/ops.html"));
    router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
      .handler(WebRoutes::revalidate)
      .handler(StaticHandler.create("webroot")
        .setCachingEnabled(true)
        .setIndexPage("index.html"));
  }

  private static void revalidate(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, APP_CACHE_CONTROL));
    ctx.next();
  }
}
