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
    Thread.sleep(options.integer("warmup", warmupSeconds) * 1000L);
    metrics.startMeasuring();
    long measureStart = System.nanoTime();
    Thread.sleep(options.integer("duration", 10) * 1000L);
    metrics.stopMeasuring();
    double seconds = (System.nanoTime() - measureStart) / 1e9;
    pacer.stop();
    return seconds;
  }

  static <T> T await(Future<T> future, long seconds) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
