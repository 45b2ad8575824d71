package dev.parlor.game.sessions;

import java.time.Instant;

/**
 * Judges whether a player has had no session for {@code abandonAfterMs}. A session counts as live unless its gateway
 * has been silent for {@code gatewaySilenceMs} (then it ended when the gateway died). A player the service never saw
 * counts as away since the game last changed, so a game cannot be claimed right after the opponent's move.
 */
public record Absence(long abandonAfterMs, long gatewaySilenceMs) {

  public boolean away(Presence presence, String lastChange, long nowMs) {
    long since = lastChange == null ? 0 : Instant.parse(lastChange).toEpochMilli();
    if (presence.awaySinceMs() != null) {
      since = Math.max(since, presence.awaySinceMs());
    }
    for (String gateway : presence.sessions().values()) {
      Long beat = presence.gatewayBeats().get(gateway);
      if (beat == null || beat > nowMs - gatewaySilenceMs) {
        return false;
      }
      since = Math.max(since, beat + gatewaySilenceMs);
    }
    return nowMs - since >= abandonAfterMs;
  }
}
