package dev.parlor.game.model;

import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GamePlayer;
import java.util.ArrayList;
import java.util.List;

/** A mutable copy of a {@link Game} for building the next version; records have no withers. */
final class GameDraft {

  String gameId;
  String kind;
  String visibility;
  String inviteCode;
  String status;
  List<GamePlayer> players;
  String turn;
  List<String> board;
  String winner;
  boolean draw;
  List<Integer> winningLine;
  long version;
  String createdAt;
  String updatedAt;
  String rematch;

  GameDraft() {
  }

  /** The next version of {@code game}, stamped {@code now}. */
  static GameDraft next(Game game, String now) {
    GameDraft d = new GameDraft();
    d.gameId = game.gameId();
    d.kind = game.kind();
    d.visibility = game.visibility();
    d.inviteCode = game.inviteCode();
    d.status = game.status();
    d.players = new ArrayList<>(game.players());
    d.turn = game.turn();
    d.board = new ArrayList<>(game.board());
    d.winner = game.winner();
    d.draw = game.draw();
    d.winningLine = game.winningLine();
    d.version = game.version() + 1;
    d.createdAt = game.createdAt();
    d.updatedAt = now;
    d.rematch = game.rematch();
    return d;
  }

  Game build() {
    return new Game(gameId, kind, visibility, inviteCode, status, List.copyOf(players), turn,
      java.util.Collections.unmodifiableList(new ArrayList<>(board)), winner, draw,
      winningLine == null ? null : List.copyOf(winningLine), version, createdAt, updatedAt, rematch);
  }
}
