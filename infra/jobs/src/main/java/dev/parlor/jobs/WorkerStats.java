package dev.parlor.jobs;

import dev.parlor.jobs.JobQueue.Transition;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/** What one worker did since it started: outcomes, processing time, leases lost. Safe to read from any thread. */
public final class WorkerStats {

  private final AtomicLong done = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong fenced = new AtomicLong();
  private final AtomicLong leasesLost = new AtomicLong();
  private final AtomicLong processingMsTotal = new AtomicLong();
  private final AtomicLong processingMsMax = new AtomicLong();

  void record(Transition transition, long processingMs) {
    switch (transition) {
      case DONE -> done.incrementAndGet();
      case RETRY -> retried.incrementAndGet();
      case DEAD -> deadLettered.incrementAndGet();
      case FENCED -> fenced.incrementAndGet();
      default -> throw new IllegalStateException();
    }
    processingMsTotal.addAndGet(processingMs);
    processingMsMax.accumulateAndGet(processingMs, Math::max);
  }

  void leaseLost() {
    leasesLost.incrementAndGet();
  }

  public long done() {
    return done.get();
  }

  /** Deliveries that ended with a recorded outcome. */
  public long finished() {
    return done.get() + retried.get() + deadLettered.get() + fenced.get();
  }

  public long processingMsTotal() {
    return processingMsTotal.get();
  }

  public long fenced() {
    return fenced.get();
  }

  public JsonObject toJson() {
    long finished = done.get() + retried.get() + deadLettered.get() + fenced.get();
    return new JsonObject().put("done", done.get()).put("retried", retried.get())
      .put("deadLettered", deadLettered.get()).put("fenced", fenced.get()).put("leasesLost", leasesLost.get())
      .put("processingMsTotal", processingMsTotal.get()).put("processingMsMax", processingMsMax.get())
      .put("processingMsMean", finished == 0 ? 0 : processingMsTotal.get() / finished);
  }
}
