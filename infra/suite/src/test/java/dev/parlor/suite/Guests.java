package dev.parlor.suite;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;

/** Creates guest sessions through the real REST API, blocking the test thread. */
final class Guests {

  private Guests() {
  }

  static JsonObject create(Vertx vertx, int port, String name) throws Exception {
    WebClient client = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> response = client.post(port, "127.0.0.1", "/api/v1/sessions")
        .sendJsonObject(new JsonObject().put("name", name))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      if (response.statusCode() != 201) {
        throw new AssertionError("session creation answered " + response.statusCode() + ": " + response.bodyAsString());
      }
      return response.bodyAsJsonObject();
    } finally {
      client.close();
    }
  }

  static int getStatus(Vertx vertx, int port, String path) throws Exception {
    WebClient client = WebClient.create(vertx);
    try {
      return client.get(port, "127.0.0.1", path).send()
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).statusCode();
    } finally {
      client.close();
    }
  }
}
