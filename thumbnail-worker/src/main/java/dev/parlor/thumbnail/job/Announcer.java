package dev.parlor.thumbnail.job;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.jobs.JobState;
import dev.parlor.contracts.jobs.ThumbnailJobs;
import dev.parlor.jobs.JobRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Tells the user how their upload ended, through the gateway's durable user topic ({@code parlor.user.publish},
 * retried with backoff while no gateway answers), and gives the presence service the new avatar URLs. Called only
 * after the job's final state is stored, so a client that reads the job on the event sees the same outcome.
 */
public final class Announcer {

  private static final Set<String> CLIENT_CODES = Set.of(ThumbnailJobs.UNSUPPORTED_MEDIA,
    ThumbnailJobs.IMAGE_TOO_LARGE, ThumbnailJobs.CORRUPT_IMAGE, ThumbnailJobs.INTERNAL);
  private static final long FIRST_RETRY_MS = 200;

  private final Vertx vertx;
  private final long timeoutMs;
  private final int attempts;

  public Announcer(Vertx vertx, long timeoutMs, int attempts) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.attempts = attempts;
  }

  public Future<Void> announce(JobRecord job) {
    String userId = job.payload().getString(ThumbnailJobs.USER_ID, job.owner());
    if (job.state() == JobState.DONE) {
      JsonObject sizes = job.result().getJsonObject(ThumbnailJobs.SIZES);
      // The avatar changes whether or not the user's own notification got through.
      return publish(userId, ThumbnailJobs.EVENT_READY, new JsonObject().put("jobId", job.jobId()).put("sizes", sizes),
        1).onComplete(v -> vertx.eventBus().publish(Addresses.Presence.AVATAR,
          new JsonObject().put("userId", userId).put("avatar", sizes)));
    }
    return publish(userId, ThumbnailJobs.EVENT_FAILED, new JsonObject().put("jobId", job.jobId())
      .put("code", clientCode(job.errorCode())).put("message", String.valueOf(job.errorMessage())), 1);
  }

  /** Queue-level reasons (poisoned, internal errors) are {@code internal} to clients. */
  static String clientCode(String code) {
    return code != null && CLIENT_CODES.contains(code) ? code : ThumbnailJobs.INTERNAL;
  }

  private Future<Void> publish(String userId, String event, JsonObject data, int attempt) {
    JsonObject body = new JsonObject().put("userId", userId).put("event", event).put("data", data);
    return vertx.eventBus().request(Addresses.Gateway.USER_PUBLISH, body,
        new DeliveryOptions().setSendTimeout(timeoutMs)).<Void>mapEmpty()
      .recover(error -> {
        if (attempt >= attempts) {
          return Future.failedFuture(error);
        }
        long delay = FIRST_RETRY_MS << (attempt - 1);
        return vertx.timer(delay).compose(v -> publish(userId, event, data, attempt + 1));
      });
  }
}
