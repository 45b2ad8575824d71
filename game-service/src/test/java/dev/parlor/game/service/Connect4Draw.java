package dev.parlor.game.service;

/** A connect-four game of 42 moves that fills the board with no four in a row: long games for concurrency tests. */
final class Connect4Draw {

  static final int[] COLUMNS = {0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 2, 3, 2, 3, 2, 3, 3, 2, 3, 2, 3, 2,
    4, 5, 4, 5, 4, 5, 5, 4, 5, 4, 5, 4, 6, 6, 6, 6, 6, 6};

  private Connect4Draw() {
  }
}
