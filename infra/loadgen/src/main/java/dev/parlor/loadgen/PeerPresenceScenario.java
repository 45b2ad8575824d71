package dev.parlor.loadgen;

import dev.parlor.client.ParlorClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code peer}: the load of {@code presence --members-watch true} against a broadcast server that is not Parlor, for
 * the presence fan-out comparison of docs/benchmarks.md: N clients in one room, location updates sent round-robin
 * by the clients at a total rate, every update broadcast by the server to every client in the room. Measures
 * deliveries per second over all clients and send-to-delivery latency (each update carries its send time).
 *
 * <p>{@code --peer vertx} speaks to {@code VertxBroadcastServer} (JSON text on {@code /ws?room=R&id=U});
 * {@code --peer socketio} speaks Socket.IO 4 over a plain WebSocket ({@link EngineIo}). Options:
 * {@code --peer vertx --clients 200 --rate 500 --room map:bench --duration 10 --warmup 3}.
 */
final class PeerPresenceScenario implements Scenario {

  @Override
  public JsonObject run(Vertx vertx, ParlorClient unused, LoadOptions options, Metrics metrics) throws Exception {
    String peer = options.string("peer", "vertx");
    if (!peer.equals("vertx") && !peer.equals("socketio")) {
      throw new IllegalArgumentException("--peer: vertx or socketio");
    }
    boolean socketIo = peer.equals("socketio");
    int clientCount = options.integer("clients", 200);
    String room = options.string("room", "map:bench");
    double rate = options.decimal("rate", 500);
    options.requireConnections(clientCount);
    URI server = URI.create(options.gateways().get(0));
    List<WebSocketClient> sockets = new ArrayList<>();
    for (String source : options.sources().isEmpty() ? java.util.Collections.<String>singletonList(null)
      : options.sources()) {
      WebSocketClientOptions ws = new WebSocketClientOptions().setMaxConnections(Integer.MAX_VALUE)
        .setConnectTimeout(10_000);
      sockets.add(vertx.createWebSocketClient(source == null ? ws : ws.setLocalAddress(source)));
    }
    List<WebSocket> clients = new ArrayList<>();
    for (int from = 0; from < clientCount; from += 100) {
      List<Future<WebSocket>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(clientCount, from + 100); i++) {
        long started = System.nanoTime();
        String id = "u" + i;
        WebSocketConnectOptions connect = new WebSocketConnectOptions().setHost(server.getHost())
          .setPort(server.getPort()).setURI(socketIo ? EngineIo.PATH
            : "/ws?room=" + java.net.URLEncoder.encode(room, java.nio.charset.StandardCharsets.UTF_8) + "&id=" + id);
        batch.add(sockets.get(i % sockets.size()).connect(connect)
          .compose(socket -> socketIo ? EngineIo.join(socket, room, id, text -> delivered(text, metrics))
            : plain(socket, metrics))
          .onSuccess(socket -> metrics.always("connect", started)));
      }
      for (Future<WebSocket> joined : batch) {
        clients.add(Scenario.await(joined, 60));
      }
    }
    AtomicLong next = new AtomicLong();
    Pacer pacer = new Pacer(vertx, rate, () -> {
      WebSocket client = clients.get((int) (next.getAndIncrement() % clients.size()));
      if (client.writeQueueFull()) {
        return false;
      }
      String update = update();
      client.writeTextMessage(socketIo ? EngineIo.event("location", update) : update)
        .onSuccess(v -> metrics.count("updates")).onFailure(metrics::error);
      return true;
    }, metrics);
    double seconds = Scenario.paced(pacer, options, metrics, 3);
    for (WebSocket client : clients) {
      client.close();
    }
    long updates = metrics.counter("updates");
    return new JsonObject()
      .put("peer", peer)
      .put("clientsCount", (long) clients.size())
      .put("offeredUpdatesPerSecond", rate)
      .put("updatesPerSecond", Math.round(updates / seconds))
      .put("deliveriesPerSecond", Math.round(metrics.counter("deliveries") / seconds))
      .put("expectedDeliveriesPerSecond", Math.round(updates * (double) clients.size() / seconds))
      .put("measuredSeconds", seconds);
  }

  private static Future<WebSocket> plain(WebSocket socket, Metrics metrics) {
    socket.textMessageHandler(text -> delivered(text, metrics));
    return Future.succeededFuture(socket);
  }

  /** An update as JSON: a random location and its send time, in microseconds of this process's clock. */
  static String update() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new JsonObject().put("lat", random.nextDouble(-80, 80)).put("lon", random.nextDouble(-170, 170))
      .put("t", System.nanoTime() / 1_000).encode();
  }

  /** One broadcast received: counted, and its latency read from {@code "t":} without decoding the whole message. */
  static void delivered(String text, Metrics metrics) {
    long now = System.nanoTime() / 1_000;
    metrics.count("deliveries");
    int at = text.indexOf("\"t\":");
    if (at < 0) {
      return;
    }
    long sent = 0;
    for (int i = at + 4; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
      sent = sent * 10 + (text.charAt(i) - '0');
    }
    metrics.micros("delivery", now - sent);
  }

  /**
   * Socket.IO 4 (Engine.IO 4) over a plain WebSocket: the server opens with {@code 0{…}}, the client connects to the
   * default namespace with {@code 40{auth}} and is answered {@code 40{"sid":…}}; events are {@code 42["name",data]};
   * the server pings with {@code 2} and expects {@code 3}.
   */
  static final class EngineIo {

    static final String PATH = "/socket.io/?EIO=4&transport=websocket";

    private EngineIo() {
    }

    static Future<WebSocket> join(WebSocket socket, String room, String id,
                                  java.util.function.Consumer<String> events) {
      Promise<WebSocket> joined = Promise.promise();
      socket.textMessageHandler(text -> {
        if (text.startsWith("42")) {
          events.accept(text);
        } else if (text.equals("2")) {
          socket.writeTextMessage("3");
        } else if (text.startsWith("0")) {
          socket.writeTextMessage("40" + new JsonObject().put("room", room).put("id", id).encode());
        } else if (text.startsWith("40")) {
          joined.tryComplete(socket);
        } else if (text.startsWith("44")) {
          joined.tryFail("socket.io refused the connection: " + text);
        }
      });
      socket.closeHandler(v -> joined.tryFail("closed before joining"));
      return joined.future();
    }

    static String event(String name, String json) {
      return "42[\"" + name + "\"," + json + "]";
    }
  }
}
