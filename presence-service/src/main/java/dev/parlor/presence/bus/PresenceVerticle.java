package dev.parlor.presence.bus;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.presence.AvatarChanged;
import dev.parlor.contracts.presence.PresenceDiff;
import dev.parlor.presence.rules.InvalidArgs;
import dev.parlor.presence.rules.PresenceArgs;
import dev.parlor.presence.rules.PresenceUpdate;
import dev.parlor.presence.store.PresenceStore;
import dev.parlor.presence.tick.RoomTicker;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.ServiceVerticle;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring of the presence-service: the requests of {@code Addresses.Presence}, the session events of the gateways,
 * avatar announcements, and two clocks (the room tick and the dead-gateway reaper).
 */
public final class PresenceVerticle extends ServiceVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceVerticle.class);
  /** A room unvouched for this many sweeps, with changes pending, has lost its ticker. */
  private static final int ORPHAN_AFTER_SWEEPS = 3;

  private final PresenceStore store;
  private final PresenceTiming timing;
  private final String instanceId;
  private final Counter diffsPublished;
  private final Counter diffEntries;
  private RoomTicker ticker;
  private long tickTimer;
  private long reapTimer;
  private boolean sweeping;

  public PresenceVerticle(ServiceContext context, PresenceStore store, PresenceTiming timing, String instanceId) {
    super(context);
    this.store = store;
    this.timing = timing;
    this.instanceId = instanceId;
    this.diffsPublished = Counter.builder("parlor.presence.diffs").description("presence.diff events published")
      .register(context.metrics());
    this.diffEntries = Counter.builder("parlor.presence.diff.entries")
      .description("joined, updated and left entries in published diffs").register(context.metrics());
  }

  @Override
  public Future<?> start() {
    ticker = new RoomTicker(store, instanceId, timing.tickMs(), timing.tickLeaseMs(), this::publishDiff);
    List<Future<Void>> consumers = List.of(
      this.<Object>consume(Addresses.Presence.SET, this::set),
      this.<Object>consume(Addresses.Presence.LEAVE, this::leave),
      this.<Object>consume(Addresses.Presence.SNAPSHOT, this::snapshot),
      this.<Object>consume(Addresses.Presence.AVATAR, this::avatar),
      this.<Object>consume(Addresses.Sessions.CLOSED, this::sessionClosed),
      this.<Object>consume(Addresses.Sessions.GATEWAY_HEARTBEAT, this::gatewayHeartbeat));
    tickTimer = vertx.setPeriodic(RoomTicker.slotMs(timing.tickMs()), id -> ticker.tick());
    reapTimer = vertx.setPeriodic(timing.reapIntervalMs(), id -> sweep());
    return Future.all(consumers);
  }

  /** After the last request was answered: publish every change this instance made, then give up its tick leases. */
  @Override
  protected Future<?> onStop() {
    vertx.cancelTimer(tickTimer);
    vertx.cancelTimer(reapTimer);
    return ticker.finish();
  }

  private void set(Message<Object> message) {
    Caller caller = caller(message);
    if (caller == null) {
      return;
    }
    PresenceUpdate update;
    try {
      update = PresenceArgs.update(body(message));
    } catch (InvalidArgs e) {
      message.fail(ErrorCode.INVALID_ARGS.failureCode(), e.getMessage());
      return;
    }
    store.set(caller, update).onComplete(changed -> {
      if (changed.succeeded()) {
        if (changed.result()) {
          ticker.touch(update.room());
        }
        message.reply(new JsonObject());
      } else if (changed.cause() instanceof PresenceStore.SessionClosed closed) {
        message.fail(ErrorCode.FORBIDDEN.failureCode(), closed.getMessage());
      } else {
        message.fail(ErrorCode.UNAVAILABLE.failureCode(), "presence store: " + changed.cause().getMessage());
      }
    });
  }

  private void leave(Message<Object> message) {
    Caller caller = caller(message);
    String room = caller == null ? null : room(message);
    if (room == null) {
      return;
    }
    store.leave(caller, room)
      .onSuccess(left -> {
        if (left) {
          ticker.touch(room);
        }
        message.reply(new JsonObject());
      })
      .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.failureCode(), "presence store: " + e.getMessage()));
  }

  private void snapshot(Message<Object> message) {
    String room = room(message);
    if (room == null) {
      return;
    }
    store.members(room)
      .onSuccess(members -> message.reply(new JsonObject().put("members", new JsonArray(members))))
      .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.failureCode(), "presence store: " + e.getMessage()));
  }

  private void avatar(Message<Object> message) {
    AvatarChanged changed;
    try {
      changed = AvatarChanged.fromJson(body(message));
      if (changed.userId() == null) {
        throw new IllegalArgumentException("no userId");
      }
    } catch (RuntimeException e) {
      LOG.warn("Ignoring malformed avatar announcement {}: {}", message.body(), e.toString());
      return;
    }
    store.setAvatar(changed.userId(), changed.toJson().getJsonObject("avatar"))
      .onSuccess(ticker::touchAll)
      .onFailure(e -> LOG.warn("Avatar of {} not stored: {}", changed.userId(), e.toString()));
  }

  private void sessionClosed(Message<Object> message) {
    JsonObject body = body(message);
    String sessionId = body == null ? null : body.getString("sessionId");
    if (sessionId == null) {
      LOG.warn("Ignoring session.closed without sessionId: {}", message.body());
      return;
    }
    if (Boolean.FALSE.equals(body.getValue("presence"))) {
      return; // the session never sent a presence op: no member, no set in flight, nothing to clean up
    }
    store.closeSession(sessionId, body.getString("gatewayId"))
      .onSuccess(ticker::touchAll)
      .onFailure(e -> LOG.warn("Session {} not closed in presence: {}", sessionId, e.toString()));
  }

  private void gatewayHeartbeat(Message<Object> message) {
    JsonObject body = body(message);
    String gatewayId = body == null ? null : body.getString("gatewayId");
    if (gatewayId == null) {
      LOG.warn("Ignoring gateway heartbeat without gatewayId: {}", message.body());
      return;
    }
    store.gatewayAlive(gatewayId, System.currentTimeMillis())
      .onFailure(e -> LOG.warn("Heartbeat of gateway {} not stored: {}", gatewayId, e.toString()));
  }

  /**
   * The sweep: rooms this instance ticks are vouched for; rooms nobody vouched for lately but with changes pending
   * (their ticker was killed) are adopted; the sessions of dead gateways leave their rooms.
   */
  private void sweep() {
    if (sweeping) {
      return;
    }
    sweeping = true;
    long now = System.currentTimeMillis();
    ticker.vouch()
      .transform(vouched -> store.orphanedRooms(now - ORPHAN_AFTER_SWEEPS * timing.reapIntervalMs()))
      .onSuccess(ticker::touchAll)
      .transform(adopted -> store.reapGateways(now - timing.gatewayTimeoutMs(), instanceId, timing.reapIntervalMs()))
      .onSuccess(ticker::touchAll)
      .onFailure(e -> LOG.warn("Presence sweep failed; retrying next interval: {}", e.toString()))
      .onComplete(done -> sweeping = false);
  }

  private void publishDiff(String room, PresenceDiff diff) {
    diffsPublished.increment();
    diffEntries.increment(diff.joined().size() + diff.updated().size() + diff.left().size());
    vertx.eventBus().publish(Addresses.Topics.presence(room), diff.toEvent());
  }

  /** The caller, or {@code null} after failing the message as unauthorized. */
  private static Caller caller(Message<?> message) {
    Caller caller = Caller.fromHeaders(message.headers());
    if (caller == null) {
      message.fail(ErrorCode.UNAUTHORIZED.failureCode(), "no caller identity");
    }
    return caller;
  }

  /** The body as a JSON object; anything else (a string, an array) is read as no arguments, hence invalid. */
  private static JsonObject body(Message<?> message) {
    return message.body() instanceof JsonObject json ? json : null;
  }

  /** The validated room, or {@code null} after failing the message with invalid_args. */
  private static String room(Message<?> message) {
    try {
      return PresenceArgs.room(body(message));
    } catch (InvalidArgs e) {
      message.fail(ErrorCode.INVALID_ARGS.failureCode(), e.getMessage());
      return null;
    }
  }
}
