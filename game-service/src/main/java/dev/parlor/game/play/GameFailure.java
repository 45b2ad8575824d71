package dev.parlor.game.play;

import dev.parlor.contracts.ErrorCode;

/** A typed refusal travelling through a future chain to the reply: no stack trace, it is not a bug. */
public final class GameFailure extends RuntimeException {

  private final ErrorCode code;

  public GameFailure(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
