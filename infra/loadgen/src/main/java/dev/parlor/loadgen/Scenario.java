package dev.parlor.loadgen;

import dev.parlor.client.ParlorClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/** One kind of load. {@link #run} blocks the main thread and returns the scenario's own figures. */
interface Scenario {

  JsonObject run(Vertx vertx, ParlorClient client, LoadOptions options, Metrics metrics) throws Exception;

  /** A future that always succeeds: a failure is counted as an error of the run, not a reason to stop it. */
  static Future<Void> settled(Future<?> future, Metrics metrics) {
    return future.<Void>mapEmpty().recover(e -> {
      metrics.error(e);
      return Future.succeededFuture();
    });
  }

  /**
   * Runs {@code pacer} for the {@code warmup} option's seconds (default {@code warmupSeconds}), then measures for the
   * {@code duration} option's seconds (default 10) and stops it; answers the seconds measured.
   */
  static double paced(Pacer pacer, LoadOptions options, Metrics metrics, int warmupSeconds) throws InterruptedException {
    pacer.start();
    long warmupMs = options.integer("warmup", warmupSeconds) * 1000L;
    if (warmupMs >= 2 * GC_LEAD_MS) {
      // The pacer goes on meanwhile; the load the pause held back is answered before measuring starts.
      Thread.sleep(warmupMs - GC_LEAD_MS);
      ownGc(options, metrics);
      Thread.sleep(GC_LEAD_MS);
    } else {
      Thread.sleep(warmupMs);
    }
    metrics.startMeasuring();
    long measureStart = System.nanoTime();
    Thread.sleep(options.integer("duration", 10) * 1000L);
    metrics.stopMeasuring();
    double seconds = (System.nanoTime() - measureStart) / 1e9;
    pacer.stop();
    return seconds;
  }

  /**
   * How long before measuring starts a load process collects its own garbage (its full collection took 0.9-2.8 s in
   * session 13's storms).
   */
  long GC_LEAD_MS = 5_000;

  /**
   * Collects this process's garbage before the measured part ({@code --gc-before-measure}, default true), so that its
   * own young collections, which stop every session it holds, do not count as the servers' latency: a load process
   * paused up to 3.2 s per collection inside a storm on a busy two-core machine (session 13). JMH collects between
   * iterations for the same reason. Its time is the report's counter {@code ownGcMs} (summed over processes).
   */
  static void ownGc(LoadOptions options, Metrics metrics) {
    if (options.flag("gc-before-measure", true)) {
      long started = System.nanoTime();
      System.gc();
      metrics.set("ownGcMs", (System.nanoTime() - started) / 1_000_000);
    }
  }

  static <T> T await(Future<T> future, long seconds) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
