package dev.parlor.game.rules;

/** Why rules refuse a move; each maps to one protocol error code. */
public enum Rejection {
  INVALID_ARGS("invalid_args"),
  GAME_OVER("game_over"),
  NOT_YOUR_TURN("not_your_turn"),
  ILLEGAL_MOVE("illegal_move");

  private final String code;

  Rejection(String code) {
    this.code = code;
  }

  /** The protocol error code. */
  public String code() {
    return code;
  }
}
