package dev.parlor.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The static client as a browser fetches it: pages, deep links, the bundled SockJS client, and cache headers. */
@ExtendWith(VertxExtension.class)
class WebRoutesTest {

  private static HttpServer server;
  private static HttpClient client;

  @BeforeAll
  static void serve(Vertx vertx, VertxTestContext ctx) {
    Router router = Router.router(vertx);
    router.get("/api/v1/ping").handler(rc -> rc.response().end("api"));
    WebRoutes.mount(router);
    // A fresh connection per request, as separate page loads would open.
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    vertx.createHttpServer().requestHandler(router).listen(0).onComplete(ctx.succeeding(s -> {
      server = s;
      ctx.completeNow();
    }));
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  private static Future<Fetched> get(String path) {
    return client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", path)
      .compose(req -> req.send())
      .compose(resp -> resp.body().map(body -> new Fetched(resp, body.toString())));
  }

  private record Fetched(HttpClientResponse response, String body) {
  }

  @Test
  void theRootServesTheClientWhichBrowsersMustRevalidate(VertxTestContext ctx) {
    get("/").onComplete(ctx.succeeding(f -> ctx.verify(() -> {
      assertEquals(200, f.response().statusCode());
      assertTrue(f.body().contains("/js/parlor-client.js"), "the page loads the protocol client");
      assertEquals("no-cache", f.response().getHeader("cache-control"));
      assertTrue(f.response().getHeader("last-modified") != null, "revalidation needs a validator");
      ctx.completeNow();
    })));
  }

  @Test
  void anInviteLinkOpensTheClient(VertxTestContext ctx) {
    get("/join/Ab3dE9").onComplete(ctx.succeeding(f -> ctx.verify(() -> {
      assertEquals(200, f.response().statusCode());
      assertTrue(f.body().contains("id=\"view-lobby\""), f.body());
      ctx.completeNow();
    })));
  }

  @Test
  void opsServesTheOperatorsPage(VertxTestContext ctx) {
    get("/ops").onComplete(ctx.succeeding(f -> ctx.verify(() -> {
      assertEquals(200, f.response().statusCode());
      assertTrue(f.body().contains("/js/ops.js"), f.body());
      ctx.completeNow();
    })));
  }

  @Test
  void theSockJsClientComesFromItsWebJarCachedForAYear(VertxTestContext ctx) {
    get("/webjars/sockjs-client/1.6.1/dist/sockjs.min.js").onComplete(ctx.succeeding(f -> ctx.verify(() -> {
      assertEquals(200, f.response().statusCode());
      assertTrue(f.body().contains("SockJS"));
      assertTrue(f.response().getHeader("cache-control").contains("max-age=31536000"),
        f.response().getHeader("cache-control"));
      ctx.completeNow();
    })));
  }

  @Test
  void theWorldOutlineIsBundled(VertxTestContext ctx) {
    get("/vendor/world-atlas/land-110m.json").onComplete(ctx.succeeding(f -> ctx.verify(() -> {
      assertEquals(200, f.response().statusCode());
      assertTrue(f.body().startsWith("{\"type\":\"Topology\""));
      ctx.completeNow();
    })));
  }

  @Test
  void routesMountedBeforeTheClientStillWin(VertxTestContext ctx) {
    get("/api/v1/ping").onComplete(ctx.succeeding(f -> ctx.verify(() -> {
      assertEquals("api", f.body());
      ctx.completeNow();
    })));
  }
}
