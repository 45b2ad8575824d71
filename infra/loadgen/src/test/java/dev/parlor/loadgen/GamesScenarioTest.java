package dev.parlor.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GamesScenarioTest {

  @Test
  void staggeredGamesStartARoundApartSoThatAbout1In42EndInEachRound() {
    // 500 games at 5,000 moves/s: every game moves once per 100 ms round.
    Map<Long, Integer> gamesPerStart = new TreeMap<>();
    for (int g = 0; g < 500; g++) {
      gamesPerStart.merge(GamesScenario.startDelayMs(g, 500, 5000, true), 1, Integer::sum);
    }
    assertEquals(GamesScenario.DRAW.length, gamesPerStart.size(), "one start per move of a game: " + gamesPerStart);
    long round = 0;
    for (Map.Entry<Long, Integer> start : gamesPerStart.entrySet()) {
      assertEquals(round, start.getKey());
      assertTrue(start.getValue() == 11 || start.getValue() == 12, "games starting at " + start.getKey() + " ms");
      round += 100;
    }
  }

  @Test
  void unstaggeredGamesAllStartAtOnce() {
    for (int g = 0; g < 500; g++) {
      assertEquals(0, GamesScenario.startDelayMs(g, 500, 5000, false));
    }
  }

  @Test
  void staggerIsAFlag() {
    assertEquals(false, LoadOptions.parse("--stagger", "false").flag("stagger", true));
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--stagger", "no"));
  }
}
