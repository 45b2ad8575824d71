package dev.parlor.game;

import dev.parlor.runtime.ServiceMain;

/** Runs the game-service as its own process. */
public final class GameMain {

  private GameMain() {
  }

  public static void main(String[] args) {
    ServiceMain.run(args, new GameService());
  }
}
