package dev.parlor.game.play;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The game-service's own meters, scraped with the rest at {@code /metrics}: stored changes by action type
 * ({@code parlor_game_changes_total}), version conflicts that made a request decide again
 * ({@code parlor_game_conflicts_total}), changes refused because their caller's deadline had passed
 * ({@code parlor_game_late_total}) and quick matches made by kind ({@code parlor_game_matches_total}).
 */
public final class GameMetrics {

  private final MeterRegistry registry;

  public GameMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void changed(String action) {
    registry.counter("parlor.game.changes", "action", action).increment();
  }

  public void conflict() {
    registry.counter("parlor.game.conflicts").increment();
  }

  public void late() {
    registry.counter("parlor.game.late").increment();
  }

  public void matched(String kind) {
    registry.counter("parlor.game.matches", "kind", kind).increment();
  }
}
