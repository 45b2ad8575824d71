package dev.parlor.gateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of {@link FanOutBench}, in its own JVM: opens N welcomed sessions following {@code lobby}, prints
 * {@code connected N}, then {@code done <round> <ms>} when every session has received a round's event.
 */
public final class BenchClient {

  private BenchClient() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int sessions = Integer.parseInt(args[1]);
    Vertx vertx = Vertx.vertx();
    JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(args[2])));
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(sessions * 2)
      .setConnectTimeout(60_000));
    ConcurrentHashMap<Integer, AtomicInteger> received = new ConcurrentHashMap<>();
    ConcurrentHashMap<Integer, Long> sentAt = new ConcurrentHashMap<>();
    AtomicInteger ready = new AtomicInteger();
    int parallel = 200;
    AtomicInteger next = new AtomicInteger();
    Promise<Void> all = Promise.promise();
    for (int lane = 0; lane < parallel; lane++) {
      vertx.runOnContext(v -> openNext(client, jwt, port, sessions, next, ready, received, sentAt, all));
    }
    all.future().toCompletionStage().toCompletableFuture().get();
    System.out.println("connected " + ready.get());
    System.out.flush();
  }

  private static void openNext(WebSocketClient client, JWTAuth jwt, int port, int sessions, AtomicInteger next,
                               AtomicInteger ready, ConcurrentHashMap<Integer, AtomicInteger> received,
                               ConcurrentHashMap<Integer, Long> sentAt, Promise<Void> all) {
    int n = next.getAndIncrement();
    if (n >= sessions) {
      return;
    }
    String token = jwt.generateToken(new JsonObject().put("sub", "ubench" + n).put("name", "Bench " + n),
      new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds(3_600));
    Future<?> opened = client.connect(port, "127.0.0.1", "/ws").compose(socket -> {
      Promise<Void> subscribed = Promise.promise();
      socket.textMessageHandler(text -> {
        if (text.contains("\"event\":\"bench\"")) {
          JsonObject data = new JsonObject(text).getJsonObject("data");
          int round = data.getInteger("round");
          int count = received.computeIfAbsent(round, r -> new AtomicInteger()).incrementAndGet();
          if (count == sessions) {
            System.out.println("done " + round + " " + (System.currentTimeMillis() - data.getLong("sentAt")));
            System.out.flush();
          }
        } else if (text.contains("\"welcome\"")) {
          socket.writeTextMessage("{\"type\":\"subscribe\",\"id\":\"s\",\"topic\":\"lobby\"}");
        } else if (text.contains("\"re\":\"s\"")) {
          subscribed.tryComplete();
        }
      });
      socket.writeTextMessage(new JsonObject().put("type", "hello").put("token", token).encode());
      return subscribed.future();
    });
    opened.onComplete(result -> {
      if (result.failed()) {
        System.err.println("session " + n + " failed: " + result.cause());
      } else if (ready.incrementAndGet() == sessions) {
        all.complete();
      }
      openNext(client, jwt, port, sessions, next, ready, received, sentAt, all);
    });
  }
}
