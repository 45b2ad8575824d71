package dev.parlor.gateway.ops;

import dev.parlor.contracts.Addresses;
import java.util.Map;

/** The ops the gateway forwards to services, by name. */
public final class OpTable {

  private final Map<String, OpRoute> routes;

  private OpTable(Map<String, OpRoute> routes) {
    this.routes = routes;
  }

  public static OpTable standard(long timeoutMs) {
    return new OpTable(Map.of(
      "game.create", new OpRoute("game.create", Addresses.Game.CREATE, timeoutMs)));
  }

  /** The route of an op, or {@code null} when no service handles it. */
  public OpRoute route(String op) {
    return routes.get(op);
  }
}
