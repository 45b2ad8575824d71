package dev.parlor.presence.rules;

import dev.parlor.contracts.presence.Location;

/**
 * A validated {@code presence.set}: what to change in the caller's member of {@code room}. A part that is not
 * {@code sets…} is kept as it is; a part that is set to {@code null} is cleared.
 */
public record PresenceUpdate(String room, boolean setsStatus, String status, boolean setsLocation, Location location) {
}
