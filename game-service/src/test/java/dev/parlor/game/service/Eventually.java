package dev.parlor.game.service;

import java.util.function.BooleanSupplier;

/** Waits for a state that is reached asynchronously and announces itself by no event (a Redis key, a count). */
final class Eventually {

  private Eventually() {
  }

  static void until(String what, BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("not reached within 10 s: " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
