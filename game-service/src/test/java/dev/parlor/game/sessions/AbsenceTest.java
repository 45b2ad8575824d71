package dev.parlor.game.sessions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbsenceTest {

  private static final long NOW = 1_000_000_000L;
  private static final String LONG_AGO = Instant.ofEpochMilli(NOW - 3_600_000).toString();
  private final Absence absence = new Absence(60_000, 20_000);

  @Test
  void playerWithALiveSessionIsNeverAway() {
    Presence presence = new Presence(Map.of("s1", "gw"), null, Map.of("gw", NOW - 1_000));
    assertFalse(absence.away(presence, LONG_AGO, NOW));
  }

  @Test
  void sessionOnAGatewayThatNeverBeatCountsAsLive() {
    assertFalse(absence.away(new Presence(Map.of("s1", "gw"), null, Map.of()), LONG_AGO, NOW));
  }

  @Test
  void lastSessionClosedLongEnoughAgoMeansAway() {
    assertTrue(absence.away(new Presence(Map.of(), NOW - 60_000, Map.of()), LONG_AGO, NOW));
    assertFalse(absence.away(new Presence(Map.of(), NOW - 59_000, Map.of()), LONG_AGO, NOW));
  }

  @Test
  void sessionOnASilentGatewayEndedWhenTheGatewayWasDeclaredDead() {
    // Last beat 90 s ago: dead since 70 s ago, longer than 60 s.
    assertTrue(absence.away(new Presence(Map.of("s1", "gw"), null, Map.of("gw", NOW - 90_000)), LONG_AGO, NOW));
    // Last beat 50 s ago: dead since 30 s ago only.
    assertFalse(absence.away(new Presence(Map.of("s1", "gw"), null, Map.of("gw", NOW - 50_000)), LONG_AGO, NOW));
  }

  @Test
  void unknownPlayerIsAwayOnlyOnceTheGameHasBeenQuietLongEnough() {
    Presence nothing = new Presence(Map.of(), null, Map.of());
    assertTrue(absence.away(nothing, LONG_AGO, NOW));
    assertFalse(absence.away(nothing, Instant.ofEpochMilli(NOW - 10_000).toString(), NOW));
  }
}
