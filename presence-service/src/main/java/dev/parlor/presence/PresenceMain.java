package dev.parlor.presence;

import dev.parlor.runtime.ServiceMain;

/** Runs the presence-service as its own process. */
public final class PresenceMain {

  private PresenceMain() {
  }

  public static void main(String[] args) {
    ServiceMain.run(args, new PresenceService());
  }
}
