package dev.parlor.gateway.socket;

import dev.parlor.contracts.Caller;

/** Told when a session is welcomed and when it ends, so the cluster can learn who is connected. */
public interface SessionLifecycle {

  void opened(Caller caller);

  void closed(Caller caller);
}
