package dev.parlor.game.model;

import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GamePlayer;
import dev.parlor.game.rules.GameRules;
import java.util.ArrayList;
import java.util.List;

/** Builds version 1 of a game: waiting for an opponent (create), or already playing (quick match, rematch). */
public final class NewGames {

  private NewGames() {
  }

  /** A game with its creator only, waiting for a second player. */
  public static Game waiting(GameRules rules, String visibility, String gameId, String inviteCode,
                             String userId, String name, String now) {
    GamePlayer creator = new GamePlayer(userId, name, rules.marks().get(0));
    return build(rules, visibility, gameId, inviteCode, Game.WAITING, List.of(creator), null, now);
  }

  /**
   * A game that starts at once between two users, {@code first} moving first with the first mark. Each user is
   * {@code {userId, name}}.
   */
  public static Game playing(GameRules rules, String visibility, String gameId, String inviteCode,
                             String[] first, String[] second, String now) {
    List<GamePlayer> players = List.of(new GamePlayer(first[0], first[1], rules.marks().get(0)),
      new GamePlayer(second[0], second[1], rules.marks().get(1)));
    return build(rules, visibility, gameId, inviteCode, Game.PLAYING, players, first[0], now);
  }

  private static Game build(GameRules rules, String visibility, String gameId, String inviteCode, String status,
                            List<GamePlayer> players, String turn, String now) {
    return new Game(gameId, rules.kind(), visibility, inviteCode, status, players, turn,
      java.util.Collections.unmodifiableList(new ArrayList<>(rules.start().cells())), null, false, null, 1, now, now,
      null);
  }
}
