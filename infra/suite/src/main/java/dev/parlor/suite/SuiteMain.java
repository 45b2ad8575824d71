package dev.parlor.suite;

import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.presence.PresenceService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.runtime.ServiceMain;
import dev.parlor.thumbnail.ThumbnailService;

/**
 * Every Parlor service in one clustered process, with a Redis started for it when none is configured. Other service
 * processes can join the same cluster (a second game-service, say) while it runs.
 */
public final class SuiteMain {

  private SuiteMain() {
  }

  public static void main(String[] args) {
    ParlorRuntime runtime = ServiceMain.run(args,
      new GatewayService(), new GameService(), new PresenceService(), new ThumbnailService());
    System.out.printf("%nParlor is up: open http://localhost:%d  (Ctrl-C stops everything)%n%n",
      runtime.port("gateway.http"));
  }
}
