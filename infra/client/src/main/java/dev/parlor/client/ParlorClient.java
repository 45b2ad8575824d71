package dev.parlor.client;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared part of many {@link Session}s in one process: one WebSocket and one HTTP client per source address, one
 * {@link Lane} (event loop with its single timer) per event loop, counters. A session is pinned to one lane, one
 * source address and, until a reconnect moves it on, one gateway, all chosen round-robin.
 */
public final class ParlorClient {

  private final Vertx vertx;
  private final ClientOptions options;
  private final List<Lane> lanes;
  private final List<String> gateways;
  private final List<WebSocketClient> sockets = new ArrayList<>();
  private final List<HttpClientAgent> http = new ArrayList<>();
  private final AtomicLong spread = new AtomicLong();
  private final ClientStats stats = new ClientStats();
  private final Backoff backoff;

  private ParlorClient(Vertx vertx, ClientOptions options, List<Lane> lanes) {
    this.vertx = vertx;
    this.options = options;
    this.lanes = lanes;
    this.gateways = options.gatewayUrls();
    this.backoff = new Backoff(options.backoffBaseMs(), options.backoffCapMs(),
      bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    List<String> sources = options.localAddresses().isEmpty() ? java.util.Collections.singletonList(null)
      : options.localAddresses();
    // TCP connect: at least 10 s, longer when requests may take longer (a load process holding thousands of
    // sessions on a busy machine sees its own connects complete late).
    int connectMs = (int) Math.min(Integer.MAX_VALUE, Math.max(10_000, options.requestTimeoutMs()));
    for (String source : sources) {
      WebSocketClientOptions ws = new WebSocketClientOptions().setMaxConnections(Integer.MAX_VALUE)
        .setConnectTimeout(connectMs).setMaxMessageSize(1 << 20).setMaxFrameSize(1 << 20);
      HttpClientOptions rest = new HttpClientOptions().setConnectTimeout(10_000).setKeepAlive(true);
      if (source != null) {
        ws.setLocalAddress(source);
        rest.setLocalAddress(source);
      }
      sockets.add(vertx.createWebSocketClient(ws));
      http.add(vertx.createHttpClient(rest, new PoolOptions().setHttp1MaxSize(16).setMaxWaitQueueSize(-1)));
    }
  }

  /** Starts a client on {@code vertx}, one lane per event loop (at most {@code lanes}). */
  public static Future<ParlorClient> create(Vertx vertx, ClientOptions options, int lanes) {
    List<Lane> started = new ArrayList<>();
    return vertx.deployVerticle(() -> {
      Lane lane = new Lane(options.tickMs());
      synchronized (started) {
        started.add(lane);
      }
      return lane;
    }, new DeploymentOptions().setInstances(Math.max(1, lanes))).map(id -> new ParlorClient(vertx, options, started));
  }

  public static Future<ParlorClient> create(Vertx vertx, ClientOptions options) {
    return create(vertx, options, 2 * Runtime.getRuntime().availableProcessors());
  }

  public ClientOptions options() {
    return options;
  }

  public ClientStats stats() {
    return stats;
  }

  Vertx vertx() {
    return vertx;
  }

  Backoff backoff() {
    return backoff;
  }

  /** A new session for {@code guest}, not yet connected: call {@link Session#connect()}. */
  public Session session(Guest guest, SessionListener listener) {
    long n = spread.getAndIncrement();
    return new Session(this, lanes.get((int) (n % lanes.size())), (int) (n % sockets.size()),
      (int) (n % gateways.size()), guest, listener);
  }

  /**
   * {@code POST /api/v1/sessions}: a new guest user. Fails with the REST error's code.
   *
   * <p>A sign-in with no answer at all within the request timeout is asked once more. The gateway answers it at once,
   * by itself, so silence means the exchange was lost on the way (it happens rarely, in Vert.x's HTTP client: see
   * {@link #deadline}); asking again is safe, because an unanswered sign-in's guest is never used.
   */
  public Future<Guest> createGuest(String name) {
    return signIn(name).recover(e -> {
      if (e instanceof ClientError error && error.code().equals(ClientError.TIMEOUT)) {
        stats.signInRetries.increment();
        return signIn(name);
      }
      return Future.failedFuture(e);
    }).map(Guest::fromJson);
  }

  private Future<JsonObject> signIn(String name) {
    long n = spread.getAndIncrement();
    return rest((int) (n % http.size()), gateways.get((int) (n % gateways.size())), HttpMethod.POST,
      "/api/v1/sessions", null, "application/json", Buffer.buffer(new JsonObject().put("name", name).encode()), 201,
      options.requestTimeoutMs());
  }

  /** {@code POST /api/v1/avatar}: returns the job id. An upload is never repeated by the client. */
  public Future<String> uploadAvatar(Guest guest, String contentType, Buffer image) {
    long n = spread.getAndIncrement();
    return rest((int) (n % http.size()), gateways.get((int) (n % gateways.size())), HttpMethod.POST,
      "/api/v1/avatar", guest.token(), contentType, image, 202, options.requestTimeoutMs() * 2 + 1_000)
      .map(json -> json.getString("jobId"));
  }

  /** One exchange, failed as a {@code timeout} {@link ClientError} when it has not ended after {@code timeoutMs}. */
  private Future<JsonObject> rest(int source, String gateway, HttpMethod method, String path, String token,
                                  String contentType, Buffer body, int expected, long timeoutMs) {
    URI base = URI.create(gateway);
    RequestOptions request = new RequestOptions().setMethod(method).setHost(base.getHost()).setPort(base.getPort())
      .setURI(path).putHeader("content-type", contentType).setTimeout(timeoutMs);
    if (token != null) {
      request.putHeader("authorization", "Bearer " + token);
    }
    Future<JsonObject> exchange = http.get(source).request(request)
      .compose(req -> req.send(body))
      .compose(response -> response.body().map(answer -> decode(response, answer, expected)));
    return deadline(exchange, timeoutMs, method + " " + path);
  }

  /**
   * Fails {@code work} as a {@code timeout} after {@code ms} whatever Vert.x does: a loaded test run saw a guest sign-in
   * whose future neither completed nor timed out (a heap dump found nothing holding its request any more), and its
   * caller waited for ever. Vert.x's own request timeout, which usually comes first, is reported as the same
   * {@code timeout} {@link ClientError}.
   */
  private static <T> Future<T> deadline(Future<T> work, long ms, String what) {
    return work.timeout(ms, TimeUnit.MILLISECONDS).recover(e -> Future.failedFuture(e instanceof TimeoutException
      ? new ClientError(ClientError.TIMEOUT, what + ": " + e.getMessage()) : e));
  }

  private static JsonObject decode(HttpClientResponse response, Buffer body, int expected) {
    JsonObject json;
    try {
      json = body.toJsonObject();
    } catch (RuntimeException e) {
      throw new ClientError("internal", "HTTP " + response.statusCode() + " with a body that is not JSON");
    }
    if (response.statusCode() != expected) {
      JsonObject error = json.getJsonObject("error", new JsonObject());
      throw new ClientError(error.getString("code", "internal"),
        "HTTP " + response.statusCode() + ": " + error.getString("message", ""));
    }
    return json;
  }

  /** Opens a connection to gateway {@code gateway} from source {@code source}; call on the session's lane. */
  Future<WebSocket> open(int source, String gateway) {
    URI base = URI.create(gateway);
    String path = options.transport() == Transport.WEBSOCKET ? "/ws"
      : String.format("/sockjs/%03d/%s/websocket", ThreadLocalRandom.current().nextInt(1000),
        Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36));
    try {
      return sockets.get(source).connect(new WebSocketConnectOptions().setHost(base.getHost())
        .setPort(base.getPort()).setURI(path).setAllowOriginHeader(false));
    } catch (RuntimeException e) {
      // A client being closed refuses at once rather than failing the future.
      return Future.failedFuture(e);
    }
  }

  int gatewayCount() {
    return gateways.size();
  }

  String gateway(int index) {
    return gateways.get(Math.floorMod(index, gateways.size()));
  }

  /** Closes the shared clients; the Vert.x instance stays with its owner. */
  public Future<Void> close() {
    List<Future<?>> closing = new ArrayList<>();
    sockets.forEach(s -> closing.add(s.close()));
    http.forEach(h -> closing.add(h.close()));
    return Future.join(closing).mapEmpty();
  }
}
