package dev.parlor.gateway.socket;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One periodic timer per event loop for every session on it — hello deadlines, pings, silent peers, coalesced
 * updates — instead of timers per session, so ten thousand idle sessions cost one timer.
 */
public final class SessionSweep {

  private static final long DRAIN_CHECK_MS = 50;

  private final Set<ClientSession> sessions = new LinkedHashSet<>();
  /** Reused by every sweep: a session may close (and leave the set) while it is swept. */
  private ClientSession[] swept = new ClientSession[0];
  private final long timerId;
  private final Vertx vertx;

  public SessionSweep(Vertx vertx, long periodMs) {
    this.vertx = vertx;
    this.timerId = vertx.setPeriodic(periodMs, id -> sweep());
  }

  void add(ClientSession session) {
    sessions.add(session);
  }

  void remove(ClientSession session) {
    sessions.remove(session);
  }

  public int size() {
    return sessions.size();
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    int count = sessions.size();
    if (swept.length < count || swept.length > 4 * count + 64) {
      swept = new ClientSession[count + count / 4];
    }
    sessions.toArray(swept);
    for (int i = 0; i < count; i++) {
      swept[i].sweep(now);
      swept[i] = null;
    }
  }

  /**
   * Drains this event loop's sessions as the gateway stops: each is told to reconnect elsewhere, and the future
   * completes once every session has gone or after {@code graceMs}, when those left are closed with 1012.
   */
  public Future<Void> drain(String reconnectFrame, long graceMs) {
    for (ClientSession session : new ArrayList<>(sessions)) {
      session.drain(reconnectFrame);
    }
    Promise<Void> drained = Promise.promise();
    long deadline = System.currentTimeMillis() + graceMs;
    vertx.setPeriodic(DRAIN_CHECK_MS, id -> {
      if (sessions.isEmpty() || System.currentTimeMillis() >= deadline) {
        vertx.cancelTimer(id);
        stop();
        drained.complete();
      }
    });
    return drained.future();
  }

  /** Closes every session, as the verticle stops. */
  public void stop() {
    vertx.cancelTimer(timerId);
    for (ClientSession session : new ArrayList<>(sessions)) {
      session.shutdown();
    }
  }
}
