package dev.parlor.gateway.ops;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.protocol.Ops;
import java.util.Map;

/**
 * The ops the gateway forwards to services: op name → address, argument check, timeout. {@code ping},
 * {@code subscribe} and {@code unsubscribe} are the gateway's own and are not here.
 */
public final class OpTable {

  private final Map<String, OpRoute> routes;

  private OpTable(Map<String, OpRoute> routes) {
    this.routes = routes;
  }

  public static OpTable standard(long timeoutMs) {
    return new OpTable(Map.ofEntries(
      route(Ops.GAME_CREATE, Addresses.Game.CREATE, Args::create, timeoutMs),
      route(Ops.GAME_JOIN, Addresses.Game.JOIN, Args::join, timeoutMs),
      route(Ops.GAME_QUICKMATCH, Addresses.Game.QUICKMATCH, Args::kind, timeoutMs),
      route(Ops.GAME_CANCEL_QUICKMATCH, Addresses.Game.CANCEL_QUICKMATCH, Args::kind, timeoutMs),
      route(Ops.GAME_MOVE, Addresses.Game.MOVE, Args::move, timeoutMs),
      route(Ops.GAME_RESIGN, Addresses.Game.RESIGN, Args::gameId, timeoutMs),
      route(Ops.GAME_REMATCH, Addresses.Game.REMATCH, Args::gameId, timeoutMs),
      route(Ops.GAME_CLAIM_WIN, Addresses.Game.CLAIM_WIN, Args::gameId, timeoutMs),
      route(Ops.PRESENCE_SET, Addresses.Presence.SET, Args::presenceSet, timeoutMs),
      route(Ops.PRESENCE_LEAVE, Addresses.Presence.LEAVE, Args::room, timeoutMs)));
  }

  private static Map.Entry<String, OpRoute> route(String op, String address, Args.Check check, long timeoutMs) {
    return Map.entry(op, new OpRoute(op, address, check, timeoutMs));
  }

  /** The route of an op, or {@code null} when no service handles it. */
  public OpRoute route(String op) {
    return routes.get(op);
  }
}
