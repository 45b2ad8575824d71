package dev.parlor.game;

/** Keys of the game-service; defaults in {@code conf/game.json}, documented in docs/configuration.md. */
public final class GameSettings {

  public static final String MANAGEMENT_PORT = "game.management.port";
  public static final String INSTANCES = "game.instances";

  private GameSettings() {
  }
}
