package dev.parlor.gateway.node;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * The gateway's once-per-process duties: serving {@code parlor.user.publish} (append to the user's durable topic, then
 * publish it) and announcing the instance with {@code parlor.gateway.heartbeat}.
 */
public final class NodeVerticle extends ServiceVerticle {

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
  private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

  private final GatewayNode node;
  private final long heartbeatMs;
  public NodeVerticle(ServiceContext context, GatewayNode node, long heartbeatMs) {
    super(context);
    this.node = node;
    this.heartbeatMs = heartbeatMs;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(1, heartbeatMs, id -> heartbeat());
    return consume(Addresses.Gateway.USER_PUBLISH, this::userPublish);
  }

  private void userPublish(Message<Object> message) {
    if (!(message.body() instanceof JsonObject body) || !(body.getValue("userId") instanceof String userId)
      || !USER_ID.matcher(userId).matches() || !(body.getValue("event") instanceof String event)
      || !EVENT.matcher(event).matches() || !(body.getValue("data", new JsonObject()) instanceof JsonObject data)) {
      message.fail(ErrorCode.INVALID_ARGS.failureCode(), "expected {userId, event, data:{...}}");
      return;
    }
    node.userLog().append(userId, event, data).onComplete(appended -> {
      if (appended.failed()) {
        message.fail(ErrorCode.UNAVAILABLE.failureCode(), "user topic store: " + appended.cause().getMessage());
        return;
      }
      long offset = appended.result();
      vertx.eventBus().publish(Addresses.Topics.user(userId),
        new JsonObject().put("event", event).put("data", data).put("offset", offset));
      message.reply(new JsonObject().put("offset", offset));
    });
  }

  private void heartbeat() {
    long now = System.currentTimeMillis();
    node.online().beat(node.gatewayId(), now);
    node.ipLimits().forgetIdle();
    vertx.eventBus().publish(Addresses.Sessions.GATEWAY_HEARTBEAT, new JsonObject()
      .put("gatewayId", node.gatewayId()).put("sessions", node.sessions()).put("intervalMs", heartbeatMs));
  }
}
