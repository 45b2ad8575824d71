package dev.parlor.gateway.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.ext.web.Router;
import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real server and client: whether the HTTP connection a WebSocket was upgraded from can be collected while the
 * WebSocket stays open, with and without {@link UpgradeRelease}.
 */
class UpgradeReleaseTest {

  private Vertx vertx;
  private WebSocketClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    client = vertx.createWebSocketClient();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** Straight from the server, and through a Vert.x Web router (as the gateway does), which wraps the socket. */
  @ParameterizedTest(name = "routed: {0}")
  @ValueSource(booleans = {false, true})
  void theUpgradedFromConnectionIsCollectedWhileTheSocketStaysOpen(boolean routed) throws Exception {
    Upgraded upgraded = upgrade(true, routed);
    assertTrue(upgraded.released, "the socket's channel handler was found and its factory cleared");
    assertNull(collected(upgraded.connection), "the HTTP connection is garbage once the factory is cleared");
    assertEchoes(upgraded);
  }

  /** The reason for the class: when this fails, Vert.x no longer keeps the connection and the class can go. */
  @Test
  void withoutTheReleaseVertxKeepsTheConnectionForTheSocketsLife() throws Exception {
    Upgraded upgraded = upgrade(false, false);
    assertNotNull(collected(upgraded.connection), "Vert.x still holds the connection an upgrade came on");
    assertEchoes(upgraded);
  }

  private record Upgraded(WeakReference<HttpConnection> connection, boolean released, WebSocket client,
                          ServerWebSocket server) {
  }

  private Upgraded upgrade(boolean release, boolean routed) throws Exception {
    CompletableFuture<Upgraded> upgraded = new CompletableFuture<>();
    Handler<HttpServerRequest> upgrade = request -> {
      WeakReference<HttpConnection> connection = new WeakReference<>(request.connection());
      request.toWebSocket().onSuccess(socket -> {
        boolean released = release && UpgradeRelease.release(socket);
        socket.textMessageHandler(socket::writeTextMessage);
        upgraded.complete(new Upgraded(connection, released, null, socket));
      }).onFailure(upgraded::completeExceptionally);
    };
    Router router = Router.router(vertx);
    router.get("/").handler(ctx -> upgrade.handle(ctx.request()));
    HttpServer server = vertx.createHttpServer().requestHandler(routed ? router : upgrade);
    int port = server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    WebSocket socket = client.connect(port, "127.0.0.1", "/").await(10, TimeUnit.SECONDS);
    Upgraded done = upgraded.get(10, TimeUnit.SECONDS);
    return new Upgraded(done.connection, done.released, socket, done.server);
  }

  /** The referent after a few full collections: null once nothing else holds it. */
  private static <T> T collected(WeakReference<T> reference) throws InterruptedException {
    for (int i = 0; i < 10 && reference.get() != null; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return reference.get();
  }

  /** The socket works after the release: a message goes out and comes back. */
  private static void assertEchoes(Upgraded upgraded) throws Exception {
    CompletableFuture<String> echo = new CompletableFuture<>();
    upgraded.client.textMessageHandler(echo::complete);
    Future<Void> sent = upgraded.client.writeTextMessage("still open");
    sent.await(10, TimeUnit.SECONDS);
    assertEquals("still open", echo.get(10, TimeUnit.SECONDS));
    upgraded.client.close().await(10, TimeUnit.SECONDS);
  }
}
