package dev.parlor.gateway.http;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.gateway.GatewaySettings;
import dev.parlor.gateway.ops.OpTable;
import dev.parlor.gateway.session.GuestName;
import dev.parlor.gateway.session.Tokens;
import dev.parlor.gateway.socket.ClientSession;
import dev.parlor.gateway.socket.WebSocketTransport;
import dev.parlor.runtime.Ids;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.config.ServiceConfig;
import dev.parlor.runtime.health.ManagementServer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** The gateway's public HTTP server: REST API, health, and the {@code /ws} WebSocket endpoint. */
public final class GatewayVerticle extends VerticleBase {

  private static final int SESSION_BODY_LIMIT = 4 * 1024;

  private final ServiceContext context;
  private final Tokens tokens;
  private final ServiceConfig config;
  private final OpTable ops;
  private final int maxMessageBytes;

  public GatewayVerticle(ServiceContext context, Tokens tokens) {
    this.context = context;
    this.tokens = tokens;
    this.config = context.config();
    this.ops = OpTable.standard(context.requestTimeoutMs());
    this.maxMessageBytes = config.getInt(GatewaySettings.MAX_MESSAGE_BYTES);
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    ManagementServer.mountHealth(vertx, router, context.readiness());
    router.post("/api/v1/sessions").handler(BodyHandler.create().setBodyLimit(SESSION_BODY_LIMIT))
      .handler(this::createSession);
    router.get("/ws").handler(this::upgrade);
    dev.parlor.gateway.web.WebRoutes.mount(router);
    // The server refuses only far larger frames; the session answers too_large itself above maxMessageBytes.
    int frameLimit = Math.max(1024 * 1024, maxMessageBytes * 4);
    HttpServer server = vertx.createHttpServer(new HttpServerOptions()
      .setMaxWebSocketFrameSize(frameLimit)
      .setMaxWebSocketMessageSize(frameLimit)
      .setHost(config.getString(GatewaySettings.HTTP_HOST)));
    return server.requestHandler(router).listen(config.getInt(GatewaySettings.HTTP_PORT))
      .onSuccess(s -> context.publishPort("gateway.http", s.actualPort()));
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
    ctx.request().toWebSocket().onSuccess(socket -> WebSocketTransport.attach(socket, maxMessageBytes,
      transport -> new ClientSession(vertx, transport, tokens, ops, context.nodeId(),
        config.getLong(GatewaySettings.HEARTBEAT_MS), config.getLong(GatewaySettings.HELLO_TIMEOUT_MS))));
  }
}
