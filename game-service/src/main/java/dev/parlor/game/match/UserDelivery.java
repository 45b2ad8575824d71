package dev.parlor.game.match;

import dev.parlor.contracts.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an event to a user's durable topic through the gateway ({@code parlor.user.publish}), retrying with
 * exponential backoff: a gateway being redeployed must not lose a match.
 */
public final class UserDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(UserDelivery.class);

  private final Vertx vertx;
  private final long timeoutMs;
  private final int attempts;
  private final long firstBackoffMs;

  public UserDelivery(Vertx vertx, long timeoutMs, int attempts, long firstBackoffMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.attempts = attempts;
    this.firstBackoffMs = firstBackoffMs;
  }

  /** Answers the user topic offset, or fails after the last attempt. */
  public Future<Long> deliver(String userId, String event, JsonObject data) {
    JsonObject body = new JsonObject().put("userId", userId).put("event", event).put("data", data);
    return attempt(body, 1);
  }

  private Future<Long> attempt(JsonObject body, int attempt) {
    return vertx.eventBus().<JsonObject>request(Addresses.Gateway.USER_PUBLISH, body,
        new DeliveryOptions().setSendTimeout(timeoutMs))
      .map(reply -> reply.body().getLong("offset"))
      .recover(e -> {
        if (attempt >= attempts) {
          LOG.warn("Gave up delivering {} to user {} after {} attempts: {}", body.getString("event"),
            body.getString("userId"), attempt, e.toString());
          return Future.failedFuture(e);
        }
        return vertx.timer(firstBackoffMs << (attempt - 1)).compose(v -> attempt(body, attempt + 1));
      });
  }
}
