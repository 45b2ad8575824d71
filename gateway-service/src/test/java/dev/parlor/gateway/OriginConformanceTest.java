package dev.parlor.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Origin allow-list, configured, for WebSocket and SockJS (same-origin by default: see the handshake test). */
class OriginConformanceTest {

  private static GatewayNodeFixture gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayNodeFixture(new JsonObject()
      .put("gateway.allowed-origins", "https://good.example, https://also.example"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** Connects with that Origin header, or none at all (as a non-browser client). */
  static WebSocket connect(GatewayNodeFixture gateway, String origin) throws Exception {
    WebSocketClient client = gateway.clients.createWebSocketClient();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gateway.port)
      .setURI("/ws");
    if (origin == null) {
      options.setAllowOriginHeader(false);
    } else {
      options.addHeader("Origin", origin);
    }
    return client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void onlyListedOriginsMayConnect() throws Exception {
    connect(gateway, "https://good.example").close();
    connect(gateway, "https://also.example").close();
    connect(gateway, null).close();
    ExecutionException refused = assertThrows(ExecutionException.class, () -> connect(gateway, "https://evil.example"));
    assertEquals(403, ((UpgradeRejectedException) refused.getCause()).getStatus());
    ExecutionException sameHost = assertThrows(ExecutionException.class,
      () -> connect(gateway, "http://127.0.0.1:" + gateway.port));
    assertEquals(403, ((UpgradeRejectedException) sameHost.getCause()).getStatus(), "an explicit list replaces same-origin");
    HttpResponse<Buffer> sockJs = gateway.web.get(gateway.port, "127.0.0.1", "/sockjs/info")
      .putHeader("Origin", "https://evil.example").send().toCompletionStage().toCompletableFuture()
      .get(10, TimeUnit.SECONDS);
    assertEquals(403, sockJs.statusCode());
    assertEquals("forbidden", sockJs.bodyAsJsonObject().getJsonObject("error").getString("code"));
    HttpResponse<Buffer> allowed = gateway.web.get(gateway.port, "127.0.0.1", "/sockjs/info")
      .putHeader("Origin", "https://good.example").send().toCompletionStage().toCompletableFuture()
      .get(10, TimeUnit.SECONDS);
    assertEquals(200, allowed.statusCode());
  }

}
