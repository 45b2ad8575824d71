package dev.parlor.jobs;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.jobs.JobQueues;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The operators' event-bus API of one queue, served by each of its workers: metrics, and listing, retrying or
 * purging dead letters. Addresses: {@link JobQueues#adminAddress}.
 */
public final class JobAdminApi {

  private static final int MAX_LIST = 1_000;

  private final JobQueue queue;
  private final String type;
  private final WorkerStats stats;

  private JobAdminApi(JobQueue queue, String type, WorkerStats stats) {
    this.queue = queue;
    this.type = type;
    this.stats = stats;
  }

  /** Registers the four consumers; completes when every one is registered cluster-wide. */
  public static Future<List<MessageConsumer<JsonObject>>> register(Vertx vertx, JobQueue queue, String type,
                                                                   WorkerStats stats) {
    JobAdminApi api = new JobAdminApi(queue, type, stats);
    List<MessageConsumer<JsonObject>> consumers = List.of(
      vertx.eventBus().consumer(JobQueues.adminAddress(type, JobQueues.OP_METRICS), api::metrics),
      vertx.eventBus().consumer(JobQueues.adminAddress(type, JobQueues.OP_DEAD_LIST), api::list),
      vertx.eventBus().consumer(JobQueues.adminAddress(type, JobQueues.OP_DEAD_RETRY), api::retry),
      vertx.eventBus().consumer(JobQueues.adminAddress(type, JobQueues.OP_DEAD_PURGE), api::purge));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).map(all -> consumers);
  }

  private void metrics(Message<JsonObject> message) {
    reply(message, queue.metrics().map(m -> m.toJson().put("worker", stats.toJson())));
  }

  private void list(Message<JsonObject> message) {
    int count = Math.max(1, Math.min(MAX_LIST, body(message).getInteger("count", 100)));
    reply(message, queue.deadLetters(count).map(letters -> new JsonObject()
      .put("type", type).put("jobs", new JsonArray(letters.stream().map(DeadLetter::toJson).toList()))));
  }

  private void retry(Message<JsonObject> message) {
    Object jobId = body(message).getValue("jobId");
    if (!(jobId instanceof String id) || id.isEmpty()) {
      message.fail(ErrorCode.INVALID_ARGS.failureCode(), "jobId: a string");
      return;
    }
    reply(message, queue.retryDead(id).map(retried -> new JsonObject().put("retried", retried)));
  }

  private void purge(Message<JsonObject> message) {
    reply(message, queue.purgeDead().map(purged -> new JsonObject().put("purged", purged)));
  }

  private static JsonObject body(Message<JsonObject> message) {
    return message.body() == null ? new JsonObject() : message.body();
  }

  private static void reply(Message<JsonObject> message, Future<JsonObject> answer) {
    answer.onSuccess(message::reply)
      .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.failureCode(), "queue unavailable: " + e.getMessage()));
  }
}
