package dev.parlor.thumbnail;

import dev.parlor.contracts.jobs.JobQueues;
import dev.parlor.jobs.JobAdminApi;
import dev.parlor.jobs.JobMeters;
import dev.parlor.jobs.JobWorker;
import dev.parlor.jobs.RedisJobQueue;
import dev.parlor.jobs.WorkerOptions;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.config.ServiceConfig;
import dev.parlor.thumbnail.image.Thumbnailer;
import dev.parlor.thumbnail.image.Thumbnailers;
import dev.parlor.thumbnail.job.Announcer;
import dev.parlor.thumbnail.job.ThumbnailJobHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;

/**
 * Wiring of one thumbnail worker: a pull loop on the thumbnail queue with as many slots as worker threads, and the
 * queue's admin API. Stopping it releases its in-flight jobs to other workers at once.
 */
public final class ThumbnailVerticle extends VerticleBase {

  private static final long METRICS_REFRESH_MS = 5_000;

  private final ServiceContext service;
  private JobWorker worker;
  private WorkerExecutor executor;
  private long metersTimer = -1;

  public ThumbnailVerticle(ServiceContext service) {
    this.service = service;
  }

  @Override
  public Future<?> start() {
    ServiceConfig config = service.config();
    int concurrency = config.getInt(ThumbnailSettings.CONCURRENCY);
    RedisJobQueue queue = new RedisJobQueue(service.redis(), ThumbnailSettings.queueOptions(config));
    executor = vertx.createSharedWorkerExecutor("thumbnail-" + service.nodeId(), concurrency);
    // Loading libvips (a native library and its initialisation) takes a second or two: not on the event loop.
    return executor.executeBlocking(() -> engine(config), false).compose(maker -> {
      Announcer announcer = new Announcer(vertx, service.requestTimeoutMs(),
        config.getInt(ThumbnailSettings.ANNOUNCE_ATTEMPTS));
      worker = new JobWorker(vertx, queue, new ThumbnailJobHandler(service.redis(), executor, maker, announcer),
        WorkerOptions.forLease(concurrency, queue.options().leaseMs()),
        JobQueues.THUMBNAIL + "-" + service.nodeId() + "-" + context.deploymentID());
      metersTimer = JobMeters.bind(vertx, queue, JobQueues.THUMBNAIL, worker.stats(), service.metrics(),
        METRICS_REFRESH_MS);
      // The ops overview shows each worker's counters and the engine it actually runs (auto may have fallen back).
      String engineName = maker.getClass().getSimpleName();
      service.beaconStats(() -> Future.succeededFuture(worker.stats().toJson().put("engine", engineName)));
      return Future.join(worker.start(), JobAdminApi.register(vertx, queue, JobQueues.THUMBNAIL, worker.stats()));
    });
  }

  private static Thumbnailer engine(ServiceConfig config) {
    return Thumbnailers.create(config.getString(ThumbnailSettings.ENGINE), ThumbnailSettings.limits(config),
      ThumbnailSettings.sizes(config), (float) config.getDouble(ThumbnailSettings.JPEG_QUALITY),
      config.getLong(ThumbnailSettings.VIPS_TIMEOUT_MS));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(metersTimer);
    return (worker == null ? Future.succeededFuture() : worker.stop()).eventually(() -> executor.close());
  }
}
