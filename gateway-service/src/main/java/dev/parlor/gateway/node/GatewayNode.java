package dev.parlor.gateway.node;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.gateway.limits.IpLimits;
import dev.parlor.gateway.socket.SessionLifecycle;
import dev.parlor.gateway.topics.UserTopicLog;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one gateway process shares across its event loops: the session count, per-IP limits, the user topic log, and
 * the announcements of sessions opening and closing ({@code parlor.session.opened/closed}).
 */
public final class GatewayNode implements SessionLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayNode.class);

  private final String gatewayId;
  private final EventBus eventBus;
  private final OnlineRegistry online;
  private final UserTopicLog userLog;
  private final IpLimits ipLimits;
  private final AtomicInteger sessions = new AtomicInteger();

  public GatewayNode(String gatewayId, EventBus eventBus, OnlineRegistry online, UserTopicLog userLog,
                     IpLimits ipLimits) {
    this.gatewayId = gatewayId;
    this.eventBus = eventBus;
    this.online = online;
    this.userLog = userLog;
    this.ipLimits = ipLimits;
  }

  @Override
  public void opened(Caller caller) {
    sessions.incrementAndGet();
    online.opened(caller.userId(), caller.sessionId(), gatewayId)
      .onFailure(e -> LOG.warn("Could not record session {} as online: {}", caller.sessionId(), e.toString()));
    eventBus.publish(Addresses.Sessions.OPENED, new JsonObject().put("sessionId", caller.sessionId())
      .put("userId", caller.userId()).put("name", caller.name()).put("gatewayId", gatewayId));
  }

  @Override
  public void closed(Caller caller, boolean touchedPresence) {
    sessions.decrementAndGet();
    online.closed(caller.userId(), caller.sessionId(), System.currentTimeMillis())
      .otherwise(e -> {
        // Without the registry, say the user is offline: a wrong "offline" heals at the next session, a wrong
        // "online" would keep a ghost in rooms and queues.
        LOG.warn("Could not read whether {} is still online: {}", caller.userId(), e.toString());
        return false;
      })
      .onSuccess(userOnline -> eventBus.publish(Addresses.Sessions.CLOSED, new JsonObject()
        .put("sessionId", caller.sessionId()).put("userId", caller.userId()).put("gatewayId", gatewayId)
        .put("userOnline", userOnline).put("presence", touchedPresence)));
  }

  public String gatewayId() {
    return gatewayId;
  }

  public int sessions() {
    return sessions.get();
  }

  public OnlineRegistry online() {
    return online;
  }

  public UserTopicLog userLog() {
    return userLog;
  }

  public IpLimits ipLimits() {
    return ipLimits;
  }
}
