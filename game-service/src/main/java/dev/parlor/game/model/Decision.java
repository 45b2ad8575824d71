package dev.parlor.game.model;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GameAction;

/** What a request does to a stored game: a change to store and publish, or a typed refusal that changes nothing. */
public sealed interface Decision {

  /** The game after the request, one version up, and the action that the topic event announces. */
  record Change(Game game, GameAction action) implements Decision {
  }

  record Refusal(ErrorCode code, String message) implements Decision {
  }

  static Refusal refuse(ErrorCode code, String message) {
    return new Refusal(code, message);
  }
}
