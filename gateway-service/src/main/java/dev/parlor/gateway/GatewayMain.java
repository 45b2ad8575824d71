package dev.parlor.gateway;

import dev.parlor.runtime.ServiceMain;

/** Runs a gateway as its own process. */
public final class GatewayMain {

  private GatewayMain() {
  }

  public static void main(String[] args) {
    ServiceMain.run(args, new GatewayService());
  }
}
