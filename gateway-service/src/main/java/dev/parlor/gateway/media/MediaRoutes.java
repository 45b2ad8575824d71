package dev.parlor.gateway.media;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.jobs.JobQueues;
import dev.parlor.contracts.jobs.ThumbnailJobs;
import dev.parlor.gateway.session.Tokens;
import dev.parlor.jobs.EnqueueResult;
import dev.parlor.jobs.JobQueue;
import dev.parlor.jobs.QueueOptions;
import dev.parlor.jobs.RedisJobQueue;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.config.ServiceConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Avatar uploads, job status and thumbnail serving. An upload is judged by its headers first (token, type, declared
 * size, queue room) and answered before its body is sent when refused ({@code Expect: 100-continue}); the body is
 * limited while it streams; the original is staged content-addressed and one job per (user, image) is enqueued.
 */
public final class MediaRoutes {

  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final Vertx vertx;
  private final Redis redis;
  private final Tokens tokens;
  private final JobQueue queue;
  private final long maxBytes;
  private final long retryAfterSeconds;
  private final long originalTtlSeconds;

  private MediaRoutes(ServiceContext context, Tokens tokens) {
    ServiceConfig config = context.config();
    this.vertx = context.vertx();
    this.redis = context.redis();
    this.tokens = tokens;
    this.queue = new RedisJobQueue(redis, QueueOptions.defaults(JobQueues.THUMBNAIL)
      .withLimits(config.getInt(MediaSettings.MAX_ACTIVE_PER_USER), config.getInt(MediaSettings.MAX_ACTIVE)));
    this.maxBytes = config.getLong(MediaSettings.MAX_BYTES);
    this.retryAfterSeconds = config.getLong(MediaSettings.RETRY_AFTER_SECONDS);
    this.originalTtlSeconds = config.getLong(MediaSettings.ORIGINAL_TTL_SECONDS);
  }

  /** Adds the media routes to the gateway's public router. */
  public static void mount(Router router, ServiceContext context, Tokens tokens) {
    MediaRoutes routes = new MediaRoutes(context, tokens);
    router.post("/api/v1/avatar").handler(routes::upload);
    router.get("/api/v1/jobs/:jobId").handler(routes::job);
    router.get(ThumbnailJobs.PUBLIC_PREFIX + ":source/:file").handler(routes::thumbnail);
  }

  private void upload(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    // Nothing of the body is read until the headers are judged.
    request.pause();
    String token = UploadRules.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      refuse(ctx, ErrorCode.UNAUTHORIZED, "Authorization: Bearer <token> required");
      return;
    }
    if (UploadRules.acceptedType(request.getHeader(HttpHeaders.CONTENT_TYPE)) == null) {
      refuse(ctx, ErrorCode.UNSUPPORTED_MEDIA, "Content-Type must be one of " + ThumbnailJobs.ACCEPTED_TYPES);
      return;
    }
    if (UploadRules.declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH)) > maxBytes) {
      refuse(ctx, ErrorCode.TOO_LARGE, "an avatar is at most " + maxBytes + " bytes");
      return;
    }
    tokens.verify(token).onComplete(verified -> {
      if (verified.failed()) {
        refuse(ctx, ErrorCode.UNAUTHORIZED, "bad or expired token");
        return;
      }
      String userId = verified.result().userId();
      queue.admission(userId).onComplete(admitted -> {
        if (admitted.failed()) {
          refuse(ctx, ErrorCode.UNAVAILABLE, "the job queue is unavailable");
        } else if (admitted.result() != EnqueueResult.Status.CREATED) {
          refuseBusy(ctx, admitted.result(), true);
        } else {
          receive(ctx, userId);
        }
      });
    });
  }

  private void receive(RoutingContext ctx, String userId) {
    HttpServerRequest request = ctx.request();
    BodyLimit body = new BodyLimit(maxBytes);
    request.handler(chunk -> {
      if (!body.add(chunk) && !ctx.response().ended()) {
        MediaErrors.send(ctx, ErrorCode.TOO_LARGE, "an avatar is at most " + maxBytes + " bytes", true);
      }
    });
    request.exceptionHandler(error -> {
    });
    request.endHandler(v -> {
      if (!body.exceeded()) {
        store(ctx, userId, body.body());
      }
    });
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
      ctx.response().writeContinue();
    }
    request.resume();
  }

  private void store(RoutingContext ctx, String userId, Buffer body) {
    byte[] bytes = body.getBytes();
    vertx.executeBlocking(() -> sha256(bytes), false)
      .compose(source -> redis.send(Request.cmd(Command.SET).arg(ThumbnailJobs.originalKey(source)).arg(body)
          .arg("EX").arg(originalTtlSeconds))
        .compose(ok -> queue.enqueue(userId, userId + ":" + source,
          new JsonObject().put(ThumbnailJobs.USER_ID, userId).put(ThumbnailJobs.SOURCE, source))))
      .onSuccess(result -> {
        if (result.accepted()) {
          ctx.response().setStatusCode(202).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(new JsonObject().put("jobId", result.jobId()).encode());
        } else {
          refuseBusy(ctx, result.status(), false);
        }
      })
      .onFailure(error -> MediaErrors.send(ctx, ErrorCode.UNAVAILABLE, "could not store the upload", false));
  }

  private void job(RoutingContext ctx) {
    authenticate(ctx).onSuccess(userId -> {
      String jobId = ctx.pathParam("jobId");
      if (!UploadRules.validJobId(jobId)) {
        MediaErrors.send(ctx, ErrorCode.NOT_FOUND, "no such job", false);
        return;
      }
      queue.get(jobId).onComplete(ar -> {
        if (ar.failed()) {
          MediaErrors.send(ctx, ErrorCode.UNAVAILABLE, "the job queue is unavailable", false);
        } else if (ar.result() == null) {
          MediaErrors.send(ctx, ErrorCode.NOT_FOUND, "no such job", false);
        } else if (!userId.equals(ar.result().owner())) {
          MediaErrors.send(ctx, ErrorCode.FORBIDDEN, "not your job", false);
        } else {
          JsonObject json = ar.result().toClientJson();
          if (ar.result().result() != null && ar.result().result().containsKey(ThumbnailJobs.SIZES)) {
            json.put(ThumbnailJobs.SIZES, ar.result().result().getJsonObject(ThumbnailJobs.SIZES));
          }
          ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(json.encode());
        }
      });
    });
  }

  private void thumbnail(RoutingContext ctx) {
    String source = ctx.pathParam("source");
    String file = ctx.pathParam("file");
    if (!UploadRules.validSource(source) || !UploadRules.validThumbnailFile(file)) {
      MediaErrors.send(ctx, ErrorCode.NOT_FOUND, "no such thumbnail", false);
      return;
    }
    // Content-addressed: the bytes under this path never change, so the path is the entity tag.
    String etag = "\"" + source + "-" + file + "\"";
    if (etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      ctx.response().setStatusCode(304).putHeader(HttpHeaders.ETAG, etag)
        .putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE).end();
      return;
    }
    int dot = file.indexOf('.');
    String key = ThumbnailJobs.thumbnailKey(source, Integer.parseInt(file.substring(0, dot)), file.substring(dot + 1));
    redis.send(Request.cmd(Command.GET).arg(key)).onComplete(ar -> {
      if (ar.failed()) {
        MediaErrors.send(ctx, ErrorCode.UNAVAILABLE, "media store unavailable", false);
      } else if (ar.result() == null) {
        MediaErrors.send(ctx, ErrorCode.NOT_FOUND, "no such thumbnail", false);
      } else {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, UploadRules.contentTypeOf(file))
          .putHeader(HttpHeaders.ETAG, etag).putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
          .putHeader("X-Content-Type-Options", "nosniff").end(ar.result().toBuffer());
      }
    });
  }

  /** The caller's user id; answers 401 itself when the token is missing or bad. */
  private Future<String> authenticate(RoutingContext ctx) {
    String token = UploadRules.bearer(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      MediaErrors.send(ctx, ErrorCode.UNAUTHORIZED, "Authorization: Bearer <token> required", false);
      return Future.failedFuture("unauthorized");
    }
    return tokens.verify(token).map(Tokens.Guest::userId)
      .onFailure(e -> MediaErrors.send(ctx, ErrorCode.UNAUTHORIZED, "bad or expired token", false));
  }

  /**
   * Refuses an upload before its body was read. A body of known, acceptable length that the client sends anyway
   * (no {@code Expect: 100-continue}) is read and dropped before the answer goes out, so the connection stays usable
   * (answering first would make the server close it with the body unread, and the client may then lose the answer to
   * a TCP reset); otherwise the connection closes, because the rest of the body may never come or must not be parsed
   * as a request.
   */
  private void refuse(RoutingContext ctx, ErrorCode code, String message) {
    HttpServerRequest request = ctx.request();
    long declared = UploadRules.declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
    boolean expectsContinue = "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
    boolean drain = !expectsContinue && declared >= 0 && declared <= maxBytes && !request.isEnded();
    if (drain) {
      request.handler(chunk -> {
      });
      request.exceptionHandler(error -> {
      });
      request.endHandler(v -> MediaErrors.send(ctx, code, message, false));
      request.resume();
      return;
    }
    MediaErrors.send(ctx, code, message, !request.isEnded());
  }

  private void refuseBusy(RoutingContext ctx, EnqueueResult.Status status, boolean beforeBody) {
    ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    String message = status == EnqueueResult.Status.OWNER_BUSY
      ? "you have too many avatars being processed" : "the thumbnail queue is full";
    if (beforeBody) {
      refuse(ctx, ErrorCode.RATE_LIMITED, message);
    } else {
      MediaErrors.send(ctx, ErrorCode.RATE_LIMITED, message, false);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
