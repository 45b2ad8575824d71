package dev.parlor.presence;

/** Keys of the presence-service; defaults in {@code conf/presence.json}, documented in docs/configuration.md. */
public final class PresenceSettings {

  public static final String MANAGEMENT_PORT = "presence.management.port";
  /** Length of a tick: changes in one room are gathered this long and published as one diff. */
  public static final String TICK_MS = "presence.tick-ms";
  /** How long an instance keeps the right to tick a room after its last tick; another takes over after that. */
  public static final String TICK_LEASE_MS = "presence.tick-lease-ms";
  /** A gateway unheard of this long is dead: its sessions are removed from every room. */
  public static final String GATEWAY_TIMEOUT_MS = "presence.gateway-timeout-ms";
  /** How often dead gateways are looked for. */
  public static final String REAP_INTERVAL_MS = "presence.reap-interval-ms";
  /** Rooms whose member count is a metric and shown on the ops page (room names are unbounded; these are not). */
  public static final String METRICS_ROOMS = "presence.metrics.rooms";

  private PresenceSettings() {
  }
}
