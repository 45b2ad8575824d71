package dev.parlor.gateway.http;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.protocol.Ops;
import dev.parlor.gateway.GatewaySettings;
import dev.parlor.gateway.limits.OriginPolicy;
import dev.parlor.gateway.media.MediaRoutes;
import dev.parlor.gateway.metrics.GatewayMeters;
import dev.parlor.gateway.node.GatewayNode;
import dev.parlor.gateway.ops.OpTable;
import dev.parlor.gateway.overview.GatewayOps;
import dev.parlor.gateway.overview.OpsRoutes;
import dev.parlor.gateway.session.GuestName;
import dev.parlor.gateway.session.Tokens;
import dev.parlor.gateway.socket.ClientSession;
import dev.parlor.gateway.socket.SessionDeps;
import dev.parlor.gateway.socket.SessionSweep;
import dev.parlor.gateway.socket.SockJsTransport;
import dev.parlor.gateway.socket.Transport;
import dev.parlor.gateway.socket.WebSocketTransport;
import dev.parlor.gateway.topics.Snapshots;
import dev.parlor.gateway.topics.TopicHeads;
import dev.parlor.gateway.topics.TopicHub;
import dev.parlor.gateway.web.WebRoutes;
import dev.parlor.runtime.Ids;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.config.ServiceConfig;
import dev.parlor.runtime.health.ManagementServer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

/**
 * The gateway's public HTTP server: REST API, health, {@code /ws} and {@code /sockjs}. One instance per event loop;
 * each has its own topic hub and session sweep, and shares the process-wide {@link GatewayNode}.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final int SESSION_BODY_LIMIT = 4 * 1024;
  private static final int WS_CLOSING_TIMEOUT_SECONDS = 2;

  private final ServiceContext context;
  private final Tokens tokens;
  private final GatewayNode node;
  private final ServiceConfig config;
  private final int maxMessageBytes;
  private final int writeQueueBytes;
  private final OriginPolicy origins;
  private Buffer openApi;
  private SessionDeps deps;
  private GatewayOps ops;
  /** Set when the verticle starts stopping: no new session or connection is taken from then on. */
  private boolean draining;

  public GatewayVerticle(ServiceContext context, Tokens tokens, GatewayNode node) {
    this.context = context;
    this.tokens = tokens;
    this.node = node;
    this.config = context.config();
    this.maxMessageBytes = config.getInt(GatewaySettings.MAX_MESSAGE_BYTES);
    this.writeQueueBytes = config.getInt(GatewaySettings.WRITE_QUEUE_BYTES);
    this.origins = new OriginPolicy(config.getList(GatewaySettings.ALLOWED_ORIGINS));
  }

  /** Serves the operators' overview and carries the delivery canary of this process. */
  public GatewayVerticle withOps(GatewayOps ops) {
    this.ops = ops;
    return this;
  }

  @Override
  public Future<?> start() {
    long heartbeatMs = config.getLong(GatewaySettings.HEARTBEAT_MS);
    GatewayMeters meters = new GatewayMeters(context.metrics());
    TopicHub hub = new TopicHub(vertx, meters,
      new TopicHeads(vertx.eventBus(), node.userLog(), context.requestTimeoutMs()),
      config.getLong(GatewaySettings.TAIL_CHECK_MS), config.getLong(GatewaySettings.TAIL_WATCH_MS),
      config.getLong(GatewaySettings.LINGER_MS), config.getLong(GatewaySettings.EPHEMERAL_LINGER_MS));
    if (ops != null) {
      ops.watchCanary(hub);
    }
    deps = new SessionDeps(vertx, tokens, OpTable.standard(context.requestTimeoutMs()), hub,
      new Snapshots(vertx.eventBus(), node.userLog(), context.requestTimeoutMs()), node,
      GatewaySettings.sessionLimits(config), node.gatewayId(),
      new SessionSweep(vertx, Math.max(50, Math.min(1_000, heartbeatMs / 4))), meters);
    // The server refuses only far larger frames; the session answers too_large itself above maxMessageBytes.
    int frameLimit = Math.max(1024 * 1024, maxMessageBytes * 4);
    HttpServer server = vertx.createHttpServer(new HttpServerOptions()
      .setMaxWebSocketFrameSize(frameLimit)
      .setMaxWebSocketMessageSize(frameLimit)
      // A peer we close is usually dead or hostile: wait for its close frame briefly, not the default 10 s.
      .setWebSocketClosingTimeout(WS_CLOSING_TIMEOUT_SECONDS)
      // HTTP/1.1 and WebSocket only. With HTTP/2 over clear text on (Vert.x's default), every connection first went
      // through a handler that looks for the HTTP/2 preface and then rebuilt its pipeline, and every request through
      // one that looks for an h2c upgrade: work on each of a reconnect storm's connections, for a protocol no browser
      // speaks without TLS (which a load balancer in front terminates).
      .setHttp2ClearTextEnabled(false)
      .setHost(config.getString(GatewaySettings.HTTP_HOST)));
    return vertx.fileSystem().readFile("api/openapi.json")
      .compose(document -> {
        openApi = document;
        return server.requestHandler(router()).listen(config.getInt(GatewaySettings.HTTP_PORT));
      })
      .onSuccess(s -> context.publishPort("gateway.http", s.actualPort()));
  }

  /**
   * Drains instead of dropping: new sessions and connections are refused, every client is told to reconnect
   * elsewhere after a jittered delay (it resumes its topics there), and stragglers are closed with 1012 after the
   * grace. Readiness is already DOWN by now (the runtime turns it first), so load balancers route new users away.
   */
  @Override
  public Future<?> stop() {
    draining = true;
    String reconnect = new JsonObject()
      .put("type", Ops.RECONNECT)
      .put("reason", "draining")
      .put("delayMs", config.getLong(GatewaySettings.DRAIN_DELAY_MS))
      .put("jitterMs", config.getLong(GatewaySettings.DRAIN_JITTER_MS))
      .encode();
    return deps.sweep().drain(reconnect, config.getLong(GatewaySettings.DRAIN_GRACE_MS));
  }

  /** Every route of the public port, built in one place. */
  private Router router() {
    Router router = Router.router(vertx);
    ManagementServer.mountHealth(vertx, router, context.readiness());
    router.get("/api/v1/openapi.json").handler(this::openApi);
    router.post("/api/v1/sessions").handler(this::openForNewcomers);
    router.post("/api/v1/sessions").handler(BodyHandler.create().setBodyLimit(SESSION_BODY_LIMIT))
      .handler(this::guestBudget).handler(this::createSession);
    router.get("/ws").handler(this::openForNewcomers).handler(this::upgrade);
    router.route("/sockjs/*").handler(this::sockJsOrigin);
    // A SockJS client asks /info before it opens a session: refusing it there sends the newcomer elsewhere.
    router.get("/sockjs/info").handler(this::openForNewcomers);
    // SockJS reads xhr_send bodies whole: cap them (a message may be JSON-escaped, and a body may carry several).
    router.post("/sockjs/*").handler(BodyHandler.create().setBodyLimit(Math.max(1024 * 1024, 8L * maxMessageBytes)));
    router.route("/sockjs/*").subRouter(SockJSHandler.create(vertx, new SockJSHandlerOptions()
        .setHeartbeatInterval(config.getLong(GatewaySettings.HEARTBEAT_MS))
        .setSessionTimeout(config.getLong(GatewaySettings.SOCKJS_SESSION_TIMEOUT_MS)))
      .socketHandler(this::sockJs));
    MediaRoutes.mount(router, context, tokens);
    if (ops != null) {
      OpsRoutes.mount(router, ops);
    }
    WebRoutes.mount(router);
    RestErrors.mount(router);
    return router;
  }

  private void openApi(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "application/json").end(openApi);
  }

  private void openForNewcomers(RoutingContext ctx) {
    if (draining) {
      RestErrors.send(ctx, ErrorCode.UNAVAILABLE, "this gateway instance is restarting; connect to another one");
    } else {
      ctx.next();
    }
  }

  private void guestBudget(RoutingContext ctx) {
    if (node.ipLimits().newGuest(ctx.request().remoteAddress().host())) {
      ctx.next();
    } else {
      RestErrors.send(ctx, ErrorCode.RATE_LIMITED, "too many new sessions from this address; try again later");
    }
  }

  private void createSession(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    String name = body == null ? null : GuestName.parse(body.getValue("name"));
    if (name == null) {
      RestErrors.send(ctx, ErrorCode.INVALID_ARGS,
        "name: 1-24 letters, digits, spaces, '_', '.' or '-', not blank");
      return;
    }
    String userId = "u" + Ids.random(15);
    Tokens.Issued issued = tokens.issue(userId, name);
    ctx.response().setStatusCode(201).putHeader("content-type", "application/json").end(new JsonObject()
      .put("userId", userId)
      .put("name", name)
      .put("token", issued.token())
      .put("expiresAt", issued.expiresAt().toString())
      .encode());
  }

  private void upgrade(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!origins.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
      RestErrors.send(ctx, ErrorCode.FORBIDDEN, "origin not allowed");
      return;
    }
    String ip = request.remoteAddress().host();
    if (!admitConnection(ctx, ip)) {
      return;
    }
    request.toWebSocket()
      .onSuccess(socket -> WebSocketTransport.attach(socket, maxMessageBytes, writeQueueBytes, this::session,
        () -> node.ipLimits().closeConnection(ip)))
      .onFailure(e -> node.ipLimits().closeConnection(ip));
  }

  private void sockJsOrigin(RoutingContext ctx) {
    if (origins.allows(ctx.request().getHeader("Origin"), ctx.request().getHeader("Host"))) {
      ctx.next();
    } else {
      RestErrors.send(ctx, ErrorCode.FORBIDDEN, "origin not allowed");
    }
  }

  private void sockJs(SockJSSocket socket) {
    if (draining) {
      socket.close();
      return;
    }
    String ip = socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().host();
    if (!node.ipLimits().openConnection(ip)) {
      socket.close();
      return;
    }
    if (!node.ipLimits().newSession(ip)) {
      node.ipLimits().closeConnection(ip);
      socket.close();
      return;
    }
    SockJsTransport.attach(socket, maxMessageBytes, writeQueueBytes, this::session,
      () -> node.ipLimits().closeConnection(ip));
  }

  private boolean admitConnection(RoutingContext ctx, String ip) {
    if (!node.ipLimits().openConnection(ip)) {
      RestErrors.send(ctx, ErrorCode.RATE_LIMITED, "too many open connections from this address");
      return false;
    }
    if (!node.ipLimits().newSession(ip)) {
      node.ipLimits().closeConnection(ip);
      RestErrors.send(ctx, ErrorCode.RATE_LIMITED, "too many new connections from this address; try again later");
      return false;
    }
    return true;
  }

  private ClientSession session(Transport transport) {
    return new ClientSession(deps, transport);
  }
}
