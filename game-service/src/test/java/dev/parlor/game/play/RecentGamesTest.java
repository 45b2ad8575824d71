package dev.parlor.game.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parlor.contracts.game.Game;
import dev.parlor.game.model.Decision;
import dev.parlor.game.model.NewGames;
import dev.parlor.game.model.Transitions;
import dev.parlor.game.rules.RuleBook;
import org.junit.jupiter.api.Test;

class RecentGamesTest {

  private static final String NOW = "2026-01-01T00:00:00Z";

  private static Game playing(String gameId) {
    Game waiting = NewGames.waiting(RuleBook.of("tictactoe"), Game.PUBLIC, gameId, "code-" + gameId, "x", "X", NOW);
    return ((Decision.Change) Transitions.join(waiting, "o", "O", false, NOW)).game();
  }

  @Test
  void keepsTheNewestVersionWhateverOrderTheAnswersCameIn() {
    RecentGames recent = new RecentGames(10);
    Game v2 = playing("g");
    Game v3 = ((Decision.Change) Transitions.resign(v2, "o", NOW)).game();
    Game v3Playing = new Game(v3.gameId(), v3.kind(), v3.visibility(), v3.inviteCode(), Game.PLAYING, v3.players(),
      v3.turn(), v3.board(), null, false, null, v3.version(), v3.createdAt(), v3.updatedAt(), null);
    recent.stored(v3Playing, 3);
    recent.stored(v2, 2);
    assertEquals(3, recent.get("g").game().version());
    assertEquals(3, recent.get("g").offset());
  }

  @Test
  void forgetsFinishedGamesAndTheLeastRecentlyUsedBeyondItsCapacity() {
    RecentGames recent = new RecentGames(2);
    recent.stored(playing("a"), 2);
    recent.stored(playing("b"), 2);
    recent.get("a");
    recent.stored(playing("c"), 2);
    assertEquals(2, recent.size());
    assertNull(recent.get("b"), "b was used least recently");
    Game finished = ((Decision.Change) Transitions.resign(recent.get("a").game(), "x", NOW)).game();
    recent.stored(finished, 3);
    assertNull(recent.get("a"));
    recent.forget("c");
    assertEquals(0, recent.size());
  }

  @Test
  void noCapacityRemembersNothing() {
    for (int capacity : new int[] {0, -1}) {
      RecentGames recent = new RecentGames(capacity);
      recent.stored(playing("a"), 2);
      assertNull(recent.get("a"));
    }
  }
}
