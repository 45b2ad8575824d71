package dev.parlor.thumbnail.job;

import dev.parlor.contracts.jobs.ThumbnailJobs;
import dev.parlor.jobs.JobFailure;
import dev.parlor.jobs.JobHandler;
import dev.parlor.jobs.JobOutcome;
import dev.parlor.jobs.JobRecord;
import dev.parlor.jobs.Lease;
import dev.parlor.thumbnail.image.Encoder;
import dev.parlor.thumbnail.image.ImageRejected;
import dev.parlor.thumbnail.image.Thumbnailer;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thumbnail job: fetch the staged original, make the thumbnails on the worker pool (never an event loop), and
 * hand them to the queue, which stores them under deterministic keys atomically with the job's completion.
 */
public final class ThumbnailJobHandler implements JobHandler {

  private final Redis redis;
  private final WorkerExecutor executor;
  private final Thumbnailer maker;
  private final Announcer announcer;

  public ThumbnailJobHandler(Redis redis, WorkerExecutor executor, Thumbnailer maker, Announcer announcer) {
    this.redis = redis;
    this.executor = executor;
    this.maker = maker;
    this.announcer = announcer;
  }

  @Override
  public Future<JobOutcome> handle(Lease lease) {
    String source = lease.payload().getString(ThumbnailJobs.SOURCE);
    if (source == null || !source.matches("[0-9a-f]{64}")) {
      return Future.failedFuture(JobFailure.permanent(ThumbnailJobs.INTERNAL, "job without a valid source"));
    }
    return redis.send(Request.cmd(Command.GET).arg(ThumbnailJobs.originalKey(source))).compose(original -> {
      if (original == null) {
        return Future.failedFuture(JobFailure.permanent(ThumbnailJobs.INTERNAL, "the uploaded original expired"));
      }
      byte[] data = ReplyBytes.of(original);
      return executor.executeBlocking(() -> make(source, data), false);
    });
  }

  private JobOutcome make(String source, byte[] data) {
    Map<Integer, Encoder.Encoded> thumbnails;
    try {
      thumbnails = maker.make(data);
    } catch (ImageRejected rejected) {
      throw JobFailure.permanent(rejected.code(), rejected.getMessage());
    }
    Map<String, Buffer> outputs = new LinkedHashMap<>();
    JsonObject sizes = new JsonObject();
    thumbnails.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
      int box = entry.getKey();
      Encoder.Encoded encoded = entry.getValue();
      outputs.put(ThumbnailJobs.thumbnailKey(source, box, encoded.ext()), Buffer.buffer(encoded.bytes()));
      sizes.put(String.valueOf(box), ThumbnailJobs.thumbnailPath(source, box, encoded.ext()));
    });
    return new JobOutcome(new JsonObject().put(ThumbnailJobs.SIZES, sizes), outputs);
  }

  @Override
  public Future<Void> finished(JobRecord job) {
    return announcer.announce(job);
  }
}
