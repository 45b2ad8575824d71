package dev.parlor.bench.peer;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bare Vert.x 5 peer of the presence fan-out comparison (issue 9): no Parlor, no cluster, no Redis. A client
 * opens {@code ws://HOST:PORT/ws?room=R&id=U} and sends location updates as JSON text; each is parsed, stamped with
 * the sender's id, encoded once and written to every socket in the room, the sender's included. A socket whose write
 * queue is full is skipped for that update, as Parlor's gateway drops ephemeral events for slow readers. One event
 * loop, as Parlor's gateway runs by default.
 *
 * <p>{@code java -cp infra/bench/target/benchmarks.jar dev.parlor.bench.peer.VertxBroadcastServer [PORT]} (default
 * 18090, loopback only); prints {@code listening on PORT (sockets on epoll)}.
 */
public final class VertxBroadcastServer extends VerticleBase {

  private final int port;
  private final Map<String, List<ServerWebSocket>> rooms = new HashMap<>();
  private long dropped;

  VertxBroadcastServer(int port) {
    this.port = port;
  }

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18090;
    // On epoll when it loads, as Parlor's own processes are (network.native-transport): a like-for-like peer.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
    vertx.deployVerticle(new VertxBroadcastServer(port)).onComplete(ar -> {
      if (ar.succeeded()) {
        String sockets = vertx.isNativeTransportEnabled() ? "epoll" : "nio";
        System.out.println("listening on " + port + " (sockets on " + sockets + ")");
      } else {
        ar.cause().printStackTrace();
        System.exit(1);
      }
    });
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
      .webSocketHandshakeHandler(handshake -> {
        if (handshake.path().equals("/ws")) {
          handshake.accept();
        } else {
          handshake.reject(404);
        }
      })
      .webSocketHandler(this::joined)
      .listen();
  }

  private void joined(ServerWebSocket socket) {
    String room = queryParameter(socket.query(), "room", "lobby");
    String id = queryParameter(socket.query(), "id", socket.remoteAddress().toString());
    List<ServerWebSocket> members = rooms.computeIfAbsent(room, r -> new ArrayList<>());
    members.add(socket);
    socket.textMessageHandler(text -> broadcast(members, id, text));
    socket.closeHandler(v -> members.remove(socket));
    socket.exceptionHandler(e -> socket.close());
  }

  private void broadcast(List<ServerWebSocket> members, String from, String text) {
    JsonObject update;
    try {
      update = new JsonObject(text);
    } catch (RuntimeException e) {
      return;
    }
    String frame = update.put("from", from).encode();
    for (int i = 0; i < members.size(); i++) {
      ServerWebSocket member = members.get(i);
      if (member.writeQueueFull()) {
        dropped++;
      } else {
        member.writeTextMessage(frame);
      }
    }
  }

  private static String queryParameter(String query, String name, String fallback) {
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith(name + "=")) {
          return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    return fallback;
  }

  @Override
  public Future<?> stop() {
    System.out.println("dropped for full write queues: " + dropped);
    return Future.succeededFuture();
  }
}
