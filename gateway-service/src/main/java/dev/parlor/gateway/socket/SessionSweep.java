package dev.parlor.gateway.socket;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One periodic timer per event loop for every session on it — hello deadlines, pings, silent peers, coalesced
 * updates — instead of timers per session, so ten thousand idle sessions cost one timer.
 */
public final class SessionSweep {

  private final Set<ClientSession> sessions = new LinkedHashSet<>();
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
    for (ClientSession session : new ArrayList<>(sessions)) {
      session.sweep(now);
    }
  }

  /** Closes every session, as the verticle stops. */
  public void stop() {
    vertx.cancelTimer(timerId);
    for (ClientSession session : new ArrayList<>(sessions)) {
      session.shutdown();
    }
  }
}
