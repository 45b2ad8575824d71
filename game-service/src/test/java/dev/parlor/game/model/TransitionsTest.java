package dev.parlor.game.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GameAction;
import dev.parlor.game.rules.RuleBook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransitionsTest {

  private static final String NOW = "2026-01-01T00:00:00Z";

  static Game waiting(String kind, String visibility) {
    return NewGames.waiting(RuleBook.of(kind), visibility, "g1", "code", "alice", "Alice", NOW);
  }

  static Game playing(String kind) {
    return change(Transitions.join(waiting(kind, Game.PUBLIC), "bob", "Bob", false, NOW)).game();
  }

  static Decision.Change change(Decision decision) {
    return assertInstanceOf(Decision.Change.class, decision);
  }

  static ErrorCode refusal(Decision decision) {
    return assertInstanceOf(Decision.Refusal.class, decision).code();
  }

  static Game moves(Game game, int... cells) {
    for (int cell : cells) {
      game = change(Transitions.move(game, game.turn(), Map.of(RuleBook.of(game.kind()).moveField(), cell), NOW)).game();
    }
    return game;
  }

  @Test
  void joiningStartsTheGameWithTheCreatorToMove() {
    Decision.Change joined = change(Transitions.join(waiting("tictactoe", Game.PUBLIC), "bob", "Bob", false, NOW));
    Game game = joined.game();
    assertEquals(Game.PLAYING, game.status());
    assertEquals("alice", game.turn());
    assertEquals(List.of("X", "O"), game.players().stream().map(p -> p.mark()).toList());
    assertEquals(2, game.version());
    assertEquals(GameAction.JOINED, joined.action().type());
    assertEquals("bob", joined.action().by());
  }

  @Test
  void privateGameCannotBeJoinedById() {
    assertEquals(ErrorCode.FORBIDDEN, refusal(Transitions.join(waiting("tictactoe", Game.PRIVATE), "bob", "Bob", false, NOW)));
    change(Transitions.join(waiting("tictactoe", Game.PRIVATE), "bob", "Bob", true, NOW));
  }

  @Test
  void fullGameAndOwnGameCannotBeJoined() {
    assertEquals(ErrorCode.CONFLICT, refusal(Transitions.join(playing("tictactoe"), "carol", "Carol", false, NOW)));
    assertEquals(ErrorCode.CONFLICT, refusal(Transitions.join(waiting("tictactoe", Game.PUBLIC), "alice", "A", true, NOW)));
  }

  @Test
  void forbiddenComesBeforeConflictForPrivateGameJoinedById() {
    Game full = change(Transitions.join(waiting("connect4", Game.PRIVATE), "bob", "Bob", true, NOW)).game();
    assertEquals(ErrorCode.FORBIDDEN, refusal(Transitions.join(full, "carol", "Carol", false, NOW)));
  }

  @Test
  void movesAlternateAndAWinFinishesTheGame() {
    Game game = moves(playing("tictactoe"), 0, 3, 1, 4, 2);
    assertEquals(Game.FINISHED, game.status());
    assertEquals("alice", game.winner());
    assertEquals(List.of(0, 1, 2), game.winningLine());
    assertNull(game.turn());
    assertEquals(7, game.version());
  }

  @Test
  void drawFinishesWithoutWinner() {
    Game game = moves(playing("tictactoe"), 0, 1, 2, 4, 3, 5, 7, 6, 8);
    assertTrue(game.draw());
    assertNull(game.winner());
    assertNull(game.winningLine());
  }

  @Test
  void moveChecksFollowTheProtocolOrder() {
    Game playing = playing("tictactoe");
    Game finished = moves(playing, 0, 3, 1, 4, 2);
    // invalid_args beats everything the game could say
    assertEquals(ErrorCode.INVALID_ARGS, refusal(Transitions.move(finished, "mallory", Map.of("cell", 9), NOW)));
    assertEquals(ErrorCode.INVALID_ARGS, refusal(Transitions.move(playing, "alice", Map.of("column", 1), NOW)));
    assertEquals(ErrorCode.FORBIDDEN, refusal(Transitions.move(finished, "mallory", Map.of("cell", 8), NOW)));
    assertEquals(ErrorCode.CONFLICT, refusal(Transitions.move(waiting("tictactoe", Game.PUBLIC), "alice", Map.of("cell", 0), NOW)));
    assertEquals(ErrorCode.GAME_OVER, refusal(Transitions.move(finished, "bob", Map.of("cell", 0), NOW)));
    assertEquals(ErrorCode.NOT_YOUR_TURN, refusal(Transitions.move(playing, "bob", Map.of("cell", 0), NOW)));
    Game afterOne = moves(playing, 4);
    assertEquals(ErrorCode.NOT_YOUR_TURN, refusal(Transitions.move(afterOne, "alice", Map.of("cell", 4), NOW)));
    assertEquals(ErrorCode.ILLEGAL_MOVE, refusal(Transitions.move(afterOne, "bob", Map.of("cell", 4), NOW)));
  }

  @Test
  void resignGivesTheOpponentTheWin() {
    Decision.Change resigned = change(Transitions.resign(moves(playing("connect4"), 3), "alice", NOW));
    assertEquals("bob", resigned.game().winner());
    assertEquals(Game.FINISHED, resigned.game().status());
    assertEquals(ErrorCode.GAME_OVER, refusal(Transitions.resign(resigned.game(), "bob", NOW)));
    assertEquals(ErrorCode.FORBIDDEN, refusal(Transitions.resign(resigned.game(), "carol", NOW)));
  }

  @Test
  void resigningAWaitingGameCancelsIt() {
    Game cancelled = change(Transitions.resign(waiting("tictactoe", Game.PUBLIC), "alice", NOW)).game();
    assertEquals(Game.FINISHED, cancelled.status());
    assertNull(cancelled.winner());
    assertEquals(ErrorCode.CONFLICT, refusal(Transitions.join(cancelled, "bob", "Bob", false, NOW)));
  }

  @Test
  void onlyAWaitingGameExpires() {
    Decision.Change expired = change(Transitions.expire(waiting("tictactoe", Game.PUBLIC), NOW));
    assertEquals(Game.FINISHED, expired.game().status());
    assertEquals(GameAction.EXPIRED, expired.action().type());
    assertEquals("alice", expired.action().by());
    assertEquals(ErrorCode.CONFLICT, refusal(Transitions.expire(playing("tictactoe"), NOW)));
  }

  @Test
  void claimWinNeedsAnAbsentOpponent() {
    Game game = playing("tictactoe");
    assertEquals(ErrorCode.CONFLICT, refusal(Transitions.claimWin(game, "bob", false, NOW)));
    Decision.Change claimed = change(Transitions.claimWin(game, "bob", true, NOW));
    assertEquals("bob", claimed.game().winner());
    assertEquals(GameAction.ABANDON, claimed.action().type());
    assertEquals(ErrorCode.GAME_OVER, refusal(Transitions.claimWin(claimed.game(), "bob", true, NOW)));
    assertEquals(ErrorCode.CONFLICT, refusal(Transitions.claimWin(waiting("tictactoe", Game.PUBLIC), "alice", true, NOW)));
  }

  @Test
  void rematchSwapsWhoMovesFirstAndIsAskedOnce() {
    Game finished = moves(playing("connect4"), 0, 1, 0, 1, 0, 1, 0);
    Rematches.Create create = assertInstanceOf(Rematches.Create.class,
      Rematches.plan(finished, "alice", "g2", "code2", NOW));
    Game rematch = create.created();
    assertEquals(List.of("bob", "alice"), rematch.players().stream().map(p -> p.userId()).toList());
    assertEquals(List.of("R", "Y"), rematch.players().stream().map(p -> p.mark()).toList());
    assertEquals("bob", rematch.turn());
    assertEquals(Game.PLAYING, rematch.status());
    assertEquals("g2", create.old().rematch());
    assertEquals(finished.version() + 1, create.old().version());
    assertEquals(new Rematches.Existing("g2"), Rematches.plan(create.old(), "bob", "g3", "c3", NOW));
  }

  @Test
  void rematchOfAGameStillPlayingIsAConflict() {
    Game game = playing("tictactoe");
    assertEquals(ErrorCode.CONFLICT, assertInstanceOf(Rematches.Refused.class, Rematches.plan(game, "alice", "g", "c", NOW)).code());
    assertEquals(ErrorCode.FORBIDDEN, assertInstanceOf(Rematches.Refused.class, Rematches.plan(game, "eve", "g", "c", NOW)).code());
  }

  @Test
  void gameSurvivesItsJsonRoundTrip() {
    Game game = moves(playing("connect4"), 3, 3, 4);
    assertEquals(game, Game.fromJson(game.toJson()));
    assertTrue(!game.toJson(false).containsKey("inviteCode"));
  }
}
