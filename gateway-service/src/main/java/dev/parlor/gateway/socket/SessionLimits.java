package dev.parlor.gateway.socket;

/** The per-session settings, read once from configuration. */
public record SessionLimits(long heartbeatMs, long helloTimeoutMs, double opsPerSecond, double opsBurst,
                            long abuseCloseMs, double presenceSendPerSecond, double presenceRefusePerSecond,
                            long maxPendingChars, int maxTopics, long requestTimeoutMs) {
}
