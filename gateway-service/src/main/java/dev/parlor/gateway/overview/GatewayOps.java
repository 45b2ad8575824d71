package dev.parlor.gateway.overview;

import dev.parlor.contracts.jobs.JobQueues;
import dev.parlor.jobs.JobQueue;
import dev.parlor.jobs.QueueMetrics;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/**
 * The operators' view one gateway process serves: the instance board fed by beacons, plus the thumbnail queue read
 * through the jobs library (the queue is readable even when no worker runs, which is exactly when it piles up).
 * Shared by the process's event loops.
 */
public final class GatewayOps {

  private final InstanceBoard board;
  private final JobQueue thumbnails;
  private final long boundMs;

  public GatewayOps(InstanceBoard board, JobQueue thumbnails, long boundMs) {
    this.board = board;
    this.thumbnails = thumbnails;
    this.boundMs = boundMs;
  }

  public InstanceBoard board() {
    return board;
  }

  /**
   * The overview of {@code GET /api/v1/ops/overview}. Never waits longer than the bound: a figure that cannot be had
   * in time is {@code null} and the rest is still answered.
   */
  public Future<JsonObject> overview() {
    JsonObject view = board.snapshot(System.currentTimeMillis());
    return thumbnails.metrics().timeout(boundMs, TimeUnit.MILLISECONDS).transform(read -> {
      if (read.succeeded()) {
        QueueMetrics m = read.result();
        view.put("jobsWaiting", m.lag() + m.delayed()).put("jobs", new JsonObject().put("type", JobQueues.THUMBNAIL)
          .put("depth", m.depth()).put("waiting", m.lag() + m.delayed()).put("running", m.pending())
          .put("deadLetters", m.deadLetters()));
      } else {
        view.putNull("jobsWaiting").putNull("jobs");
      }
      return Future.succeededFuture(view.put("generatedAt", System.currentTimeMillis()));
    });
  }
}
