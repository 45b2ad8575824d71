package dev.parlor.jobs;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Exposes a queue and one worker as meters (Prometheus names {@code parlor_jobs_*}, tagged with the queue type):
 * queue depth, lag, pending, delayed, oldest pending and queued age, retries, dead letters and completions, read
 * from Redis every {@code refreshMs}; and this worker's outcomes and processing time.
 */
public final class JobMeters {

  private final AtomicReference<QueueMetrics> last = new AtomicReference<>();

  private JobMeters() {
  }

  /** Registers the meters; answers the refresh timer id (cancel it on stop). */
  public static long bind(Vertx vertx, JobQueue queue, String type, WorkerStats stats, MeterRegistry registry,
                          long refreshMs) {
    JobMeters meters = new JobMeters();
    Tags tags = Tags.of("type", type);
    meters.gauge(registry, "parlor.jobs.depth", "unfinished jobs", tags, QueueMetrics::depth);
    meters.gauge(registry, "parlor.jobs.lag", "jobs not yet delivered to any worker", tags, QueueMetrics::lag);
    meters.gauge(registry, "parlor.jobs.pending", "jobs delivered and not finished", tags, QueueMetrics::pending);
    meters.gauge(registry, "parlor.jobs.delayed", "jobs waiting for a retry backoff", tags, QueueMetrics::delayed);
    meters.gauge(registry, "parlor.jobs.oldest.pending.age.seconds", "age of the oldest delivered job", tags,
      m -> m.oldestPendingAgeMs() / 1000.0);
    meters.gauge(registry, "parlor.jobs.oldest.queued.age.seconds", "age of the oldest unfinished job", tags,
      m -> m.oldestQueuedAgeMs() / 1000.0);
    meters.gauge(registry, "parlor.jobs.dead.letters", "jobs in the dead-letter stream", tags,
      QueueMetrics::deadLetters);
    meters.gauge(registry, "parlor.jobs.retries", "retries scheduled since the queue exists", tags,
      QueueMetrics::retries);
    meters.gauge(registry, "parlor.jobs.done", "jobs completed since the queue exists", tags, QueueMetrics::done);
    for (String outcome : new String[] {"done", "retried", "deadLettered", "fenced", "leasesLost"}) {
      FunctionCounter.builder("parlor.jobs.worker.outcomes", stats, s -> s.toJson().getLong(outcome))
        .description("deliveries this worker ended, by outcome").tags(tags.and("outcome", outcome))
        .register(registry);
    }
    FunctionTimer.builder("parlor.jobs.worker.processing", stats, WorkerStats::finished,
        WorkerStats::processingMsTotal, TimeUnit.MILLISECONDS)
      .description("time from delivery to recorded outcome").tags(tags).register(registry);
    return vertx.setPeriodic(0, refreshMs, id -> queue.metrics().onSuccess(meters.last::set));
  }

  private void gauge(MeterRegistry registry, String name, String description, Tags tags,
                     ToDoubleFunction<QueueMetrics> value) {
    Gauge.builder(name, last, ref -> ref.get() == null ? Double.NaN : value.applyAsDouble(ref.get()))
      .description(description).tags(tags).register(registry);
  }
}
