package dev.parlor.thumbnail;

import dev.parlor.contracts.jobs.JobQueues;
import dev.parlor.contracts.jobs.ThumbnailJobs;
import dev.parlor.jobs.JobAdminApi;
import dev.parlor.jobs.JobWorker;
import dev.parlor.jobs.RedisJobQueue;
import dev.parlor.jobs.WorkerOptions;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.config.ServiceConfig;
import dev.parlor.thumbnail.image.ThumbnailMaker;
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

  private final ServiceContext service;
  private JobWorker worker;
  private WorkerExecutor executor;

  public ThumbnailVerticle(ServiceContext service) {
    this.service = service;
  }

  @Override
  public Future<?> start() {
    ServiceConfig config = service.config();
    int concurrency = config.getInt(ThumbnailSettings.CONCURRENCY);
    RedisJobQueue queue = new RedisJobQueue(service.redis(), ThumbnailSettings.queueOptions(config));
    executor = vertx.createSharedWorkerExecutor("thumbnail-" + service.nodeId(), concurrency);
    ThumbnailMaker maker = new ThumbnailMaker(ThumbnailSettings.limits(config), ThumbnailJobs.BOX_SIZES,
      (float) config.getDouble(ThumbnailSettings.JPEG_QUALITY));
    Announcer announcer = new Announcer(vertx, service.requestTimeoutMs(),
      config.getInt(ThumbnailSettings.ANNOUNCE_ATTEMPTS));
    worker = new JobWorker(vertx, queue, new ThumbnailJobHandler(service.redis(), executor, maker, announcer),
      WorkerOptions.forLease(concurrency, queue.options().leaseMs()),
      JobQueues.THUMBNAIL + "-" + service.nodeId() + "-" + context.deploymentID());
    return Future.join(worker.start(), JobAdminApi.register(vertx, queue, JobQueues.THUMBNAIL, worker.stats()));
  }

  @Override
  public Future<?> stop() {
    return worker.stop().eventually(() -> executor.close());
  }
}
