package dev.parlor.game.sessions;

import java.util.Map;

/**
 * What the game-service knows of a user's sessions: live sessions (sessionId → gatewayId) as the gateways announced
 * them, when the last one closed ({@code awaySinceMs}, or null), and the last heartbeat of each of those gateways.
 */
public record Presence(Map<String, String> sessions, Long awaySinceMs, Map<String, Long> gatewayBeats) {
}
