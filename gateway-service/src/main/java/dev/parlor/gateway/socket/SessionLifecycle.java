package dev.parlor.gateway.socket;

import dev.parlor.contracts.Caller;

/** Told when a session is welcomed and when it ends, so the cluster can learn who is connected. */
public interface SessionLifecycle {

  void opened(Caller caller);

  /** {@code touchedPresence}: the session sent a presence op, so the presence service may hold members of it. */
  void closed(Caller caller, boolean touchedPresence);
}
