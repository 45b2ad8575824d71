package dev.parlor.gateway.socket;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.gateway.limits.PresenceBudget;
import dev.parlor.gateway.ops.OpRoute;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code presence.set} under its own budget: within the send rate an update goes out at once; above it the updates of
 * a room are merged (later fields win, as {@code presence.set} keeps what it omits) and sent when the rate allows,
 * each answered {@code {}} at once; beyond the refuse rate they are refused. A timer exists only while a room has a
 * merged update waiting.
 */
final class PresenceSender {

  private final ClientSession session;
  private final SessionDeps deps;
  private final PresenceBudget budget;
  private final Map<String, JsonObject> waiting = new HashMap<>();
  private final Map<String, Long> timers = new HashMap<>();

  PresenceSender(ClientSession session, SessionDeps deps) {
    this.session = session;
    this.deps = deps;
    this.budget = new PresenceBudget(deps.limits().presenceSendPerSecond(), deps.limits().presenceRefusePerSecond());
  }

  void set(String id, JsonObject body, OpRoute route) {
    String room = body.getString("room");
    switch (budget.check(room, deps.now())) {
      case SEND -> {
        JsonObject earlier = waiting.remove(room);
        cancelTimer(room);
        session.ops().send(route, earlier == null ? body : earlier.mergeIn(body), id);
      }
      case COALESCE -> {
        waiting.merge(room, body, (earlier, later) -> earlier.mergeIn(later));
        session.reply(id, new JsonObject());
        timers.computeIfAbsent(room, r -> deps.vertx().setTimer(budget.sendIntervalMs(), t -> flush(r, route)));
      }
      case REFUSE -> session.error(id, ErrorCode.RATE_LIMITED, "presence.set: too many updates for room " + room);
    }
  }

  private void flush(String room, OpRoute route) {
    timers.remove(room);
    if (!session.isOpen() || !waiting.containsKey(room)) {
      return;
    }
    if (budget.trySend(room, deps.now())) {
      session.ops().send(route, waiting.remove(room), null);
    } else {
      timers.put(room, deps.vertx().setTimer(budget.sendIntervalMs(), t -> flush(room, route)));
    }
  }

  /** Drops the buckets of rooms gone quiet; called by the sweep. */
  void sweep(long now) {
    budget.forgetIdle(now);
  }

  void stop() {
    timers.values().forEach(deps.vertx()::cancelTimer);
    timers.clear();
    waiting.clear();
  }

  private void cancelTimer(String room) {
    Long timer = timers.remove(room);
    if (timer != null) {
      deps.vertx().cancelTimer(timer);
    }
  }
}
