package dev.parlor.loadgen;

import io.vertx.core.Vertx;
import java.util.function.BooleanSupplier;

/**
 * Issues actions at a fixed rate from one periodic timer (1 ms): each tick catches up to rate × elapsed. An action
 * that returns false could not be issued (nothing ready); such misses are counted, not queued, so a slow server shows
 * as a lower achieved rate instead of a backlog that hides latency.
 */
final class Pacer {

  private final Vertx vertx;
  private final double perSecond;
  private final BooleanSupplier action;
  private final Metrics metrics;
  private long timer = -1;
  private long started;
  private long issued;

  Pacer(Vertx vertx, double perSecond, BooleanSupplier action, Metrics metrics) {
    this.vertx = vertx;
    this.perSecond = perSecond;
    this.action = action;
    this.metrics = metrics;
  }

  void start() {
    started = System.nanoTime();
    timer = vertx.setPeriodic(1, id -> tick());
  }

  private void tick() {
    long due = (long) ((System.nanoTime() - started) / 1e9 * perSecond);
    while (issued < due) {
      issued++;
      if (!action.getAsBoolean()) {
        metrics.add("pacer.missed", due - issued + 1);
        issued = due;
      }
    }
  }

  void stop() {
    vertx.cancelTimer(timer);
  }
}
