package dev.parlor.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A SockJS client speaking the raw SockJS wire protocol over one of its transports: {@code websocket},
 * {@code xhr_streaming} or {@code xhr} (polling). Messages arrive as parsed Parlor frames; a SockJS close frame
 * completes {@link #closed} with its code.
 */
final class SockJsClient implements AutoCloseable {

  enum Kind { WEBSOCKET, XHR_STREAMING, XHR_POLLING }

  private final Vertx vertx;
  private final int port;
  private final String base;
  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final WebClient web;
  private final WebClient poller;
  private final HttpClient http;
  private WebSocketClient wsClient;
  private WebSocket socket;
  private final Kind kind;
  private final StringBuilder streamed = new StringBuilder();

  private SockJsClient(Vertx vertx, int port, Kind kind) {
    this.vertx = vertx;
    this.port = port;
    this.kind = kind;
    this.base = "/sockjs/" + (100 + (int) (Math.random() * 800)) + "/" + UUID.randomUUID().toString().replace("-", "");
    // Sends and long polls on connections of their own, one request per connection, as a browser's XHRs would.
    this.web = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions().setKeepAlive(false));
    this.poller = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions().setKeepAlive(false));
    this.http = vertx.createHttpClient();
  }

  /**
   * Opens a session; one whose open gets no answer at all within 5 s is given up and a new one opened, as a browser's
   * SockJS client dials again. CI saw it once (12-04): an {@code xhr_streaming} open to an idle gateway unanswered for
   * 10 s, not reproduced in 12 runs of this class and 3 of the module since. A refused open is not retried.
   */
  static SockJsClient open(Vertx vertx, int port, Kind kind) throws Exception {
    try {
      return attempt(vertx, port, kind, 5);
    } catch (TimeoutException e) {
      System.err.println("SockJS " + kind + " open unanswered for 5 s; opening a new session");
      return attempt(vertx, port, kind, 10);
    }
  }

  private static SockJsClient attempt(Vertx vertx, int port, Kind kind, int seconds) throws Exception {
    SockJsClient client = new SockJsClient(vertx, port, kind);
    try {
      switch (kind) {
        case WEBSOCKET -> client.openWebSocket(seconds);
        case XHR_STREAMING -> client.openStreaming();
        case XHR_POLLING -> client.poll();
      }
      client.opened.get(seconds, TimeUnit.SECONDS);
      return client;
    } catch (Exception e) {
      client.close();
      throw e;
    }
  }

  private void openWebSocket(int seconds) throws Exception {
    wsClient = vertx.createWebSocketClient();
    // Handlers are set on the event loop as the socket opens, so that the "o" frame cannot slip past them.
    socket = wsClient.connect(port, "127.0.0.1", base + "/websocket").onSuccess(ws -> {
      ws.textMessageHandler(this::frame);
      ws.closeHandler(v -> closed.complete(-1));
    }).toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }

  private void openStreaming() {
    http.request(HttpMethod.POST, port, "127.0.0.1", base + "/xhr_streaming")
      .compose(request -> request.send())
      .onSuccess(response -> {
        response.handler(chunk -> {
          streamed.append(chunk.toString());
          int newline;
          while ((newline = streamed.indexOf("\n")) >= 0) {
            String line = streamed.substring(0, newline);
            streamed.delete(0, newline + 1);
            frame(line);
          }
        });
        response.endHandler(v -> closed.complete(closed.isDone() ? closed.getNow(-1) : -1));
      })
      .onFailure(opened::completeExceptionally);
  }

  private void poll() {
    poller.post(port, "127.0.0.1", base + "/xhr").send().onSuccess(response -> {
      for (String line : response.bodyAsString().split("\n")) {
        frame(line);
      }
      if (!closed.isDone()) {
        poll();
      }
    }).onFailure(opened::completeExceptionally);
  }

  private void frame(String text) {
    if (text.isEmpty() || text.chars().allMatch(c -> c == 'h')) {
      return;
    }
    switch (text.charAt(0)) {
      case 'o' -> opened.complete(null);
      case 'a' -> new JsonArray(text.substring(1)).forEach(m -> messages.add(new JsonObject((String) m)));
      case 'c' -> closed.complete(new JsonArray(text.substring(1)).getInteger(0));
      default -> {
      }
    }
  }

  /** Sends one SockJS message. */
  void send(String message) throws Exception {
    String body = new JsonArray().add(message).encode();
    if (kind == Kind.WEBSOCKET) {
      socket.writeTextMessage(body);
      return;
    }
    int status = web.post(port, "127.0.0.1", base + "/xhr_send").sendBuffer(Buffer.buffer(body))
      .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).statusCode();
    if (status != 204) {
      throw new AssertionError("xhr_send answered " + status);
    }
  }

  void send(JsonObject frame) throws Exception {
    send(frame.encode());
  }

  JsonObject next() throws InterruptedException {
    JsonObject message = messages.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within 10 s over " + kind);
    }
    return message;
  }

  /** The SockJS close code sent by the server. */
  int awaitClose() throws Exception {
    return closed.get(15, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (wsClient != null) {
      wsClient.close();
    }
    web.close();
    poller.close();
    http.close();
  }

}
