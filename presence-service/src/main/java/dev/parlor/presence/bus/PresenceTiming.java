package dev.parlor.presence.bus;

import dev.parlor.presence.PresenceSettings;
import dev.parlor.runtime.config.ServiceConfig;

/** The clocks of the presence-service, read once from configuration. */
public record PresenceTiming(long tickMs, long tickLeaseMs, long gatewayTimeoutMs, long reapIntervalMs) {

  public static PresenceTiming of(ServiceConfig config) {
    return new PresenceTiming(config.getLong(PresenceSettings.TICK_MS), config.getLong(PresenceSettings.TICK_LEASE_MS),
      config.getLong(PresenceSettings.GATEWAY_TIMEOUT_MS), config.getLong(PresenceSettings.REAP_INTERVAL_MS));
  }
}
