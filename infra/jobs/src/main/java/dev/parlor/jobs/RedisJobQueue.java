package dev.parlor.jobs;

import dev.parlor.contracts.jobs.JobQueues;
import dev.parlor.jobs.Scripts.Name;
import dev.parlor.runtime.Ids;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real {@link JobQueue}: a Redis stream with one consumer group per job type, a hash per job, a sorted set of
 * delayed retries (durable, so retries survive restarts) and a dead-letter stream. Every transition is one Lua script
 * (see {@code resources/dev/parlor/jobs}); only reads are plain commands. Works on Redis 6.2 and later.
 */
public final class RedisJobQueue implements JobQueue {

  private static final int PROMOTE_BATCH = 100;

  private final Redis redis;
  private final QueueOptions options;
  private final Scripts scripts;
  private final String prefix;
  private final String group;
  private final String stream;
  private String reclaimCursor = "0-0";

  public RedisJobQueue(Redis redis, QueueOptions options) {
    this.redis = redis;
    this.options = options;
    this.scripts = new Scripts(redis);
    this.prefix = JobQueues.keyPrefix(options.type());
    this.group = JobQueues.group(options.type());
    this.stream = prefix + "stream";
  }

  public QueueOptions options() {
    return options;
  }

  @Override
  public Future<Void> init() {
    // From id 0, not $: entries added before the group existed are jobs too.
    return redis.send(Request.cmd(Command.XGROUP).arg("CREATE").arg(stream).arg(group).arg("0").arg("MKSTREAM"))
      .<Void>mapEmpty()
      .recover(e -> String.valueOf(e.getMessage()).startsWith("BUSYGROUP") ? Future.succeededFuture()
        : Future.failedFuture(e));
  }

  @Override
  public Future<EnqueueResult> enqueue(String owner, String dedupeKey, JsonObject payload) {
    String jobId = "j" + Ids.random(20);
    return run(Name.ENQUEUE, jobId, dedupeKey == null ? "" : dedupeKey, owner, payload.encode(), now(),
      options.maxActivePerOwner(), options.maxActive()).map(reply -> {
        String status = reply.get(0).toString();
        return switch (status) {
          case "created" -> new EnqueueResult(EnqueueResult.Status.CREATED, reply.get(1).toString());
          case "duplicate" -> new EnqueueResult(EnqueueResult.Status.DUPLICATE, reply.get(1).toString());
          case "owner_busy" -> new EnqueueResult(EnqueueResult.Status.OWNER_BUSY, null);
          default -> new EnqueueResult(EnqueueResult.Status.QUEUE_FULL, null);
        };
      });
  }

  @Override
  public Future<EnqueueResult.Status> admission(String owner) {
    return redis.batch(List.of(Request.cmd(Command.GET).arg(prefix + "owner:" + owner),
      Request.cmd(Command.GET).arg(prefix + "active"))).map(counts -> {
        if (options.maxActivePerOwner() > 0 && Replies.asLong(counts.get(0)) >= options.maxActivePerOwner()) {
          return EnqueueResult.Status.OWNER_BUSY;
        }
        if (options.maxActive() > 0 && Replies.asLong(counts.get(1)) >= options.maxActive()) {
          return EnqueueResult.Status.QUEUE_FULL;
        }
        return EnqueueResult.Status.CREATED;
      });
  }

  @Override
  public Future<JobRecord> get(String jobId) {
    return redis.send(Request.cmd(Command.HGETALL).arg(prefix + "job:" + jobId))
      .map(reply -> JobRecord.fromFields(jobId, Replies.fields(reply)));
  }

  @Override
  public Future<Fetched> read(String consumer, int max, long blockMs) {
    Request request = Request.cmd(Command.XREADGROUP).arg("GROUP").arg(group).arg(consumer).arg("COUNT").arg(max);
    if (blockMs > 0) {
      request.arg("BLOCK").arg(blockMs);
    }
    return redis.send(request.arg("STREAMS").arg(stream).arg(">"))
      .compose(reply -> claimAll(consumer, Replies.entries(Replies.streamOf(reply, stream))));
  }

  @Override
  public Future<Fetched> reclaim(String consumer, int max) {
    return redis.send(Request.cmd(Command.XAUTOCLAIM).arg(stream).arg(group).arg(consumer).arg(options.leaseMs())
      .arg(reclaimCursor).arg("COUNT").arg(max)).compose(reply -> {
        reclaimCursor = reply.get(0).toString();
        return claimAll(consumer, Replies.entries(reply.get(1)));
      });
  }

  private Future<Fetched> claimAll(String consumer, List<String[]> entries) {
    List<Future<Object>> claims = new ArrayList<>();
    for (String[] entry : entries) {
      claims.add(claim(consumer, entry[0], entry[1]));
    }
    return Future.all(claims).map(all -> {
      List<Lease> leases = new ArrayList<>();
      List<String> dead = new ArrayList<>();
      for (int i = 0; i < claims.size(); i++) {
        Object outcome = all.resultAt(i);
        if (outcome instanceof Lease lease) {
          leases.add(lease);
        } else if (outcome instanceof String jobId) {
          dead.add(jobId);
        }
      }
      return new Fetched(leases, dead);
    });
  }

  /** A Lease to run, the job id (String) when it was dead-lettered, or a marker when the entry was stale. */
  private Future<Object> claim(String consumer, String entryId, String jobId) {
    if (jobId == null) {
      // Deleted under us (Redis 6.2 answers such entries with no fields): just forget it.
      return redis.send(Request.cmd(Command.XACK).arg(stream).arg(group).arg(entryId)).map(r -> Boolean.FALSE);
    }
    return run(Name.CLAIM, jobId, entryId, consumer, now(), options.maxDeliveries(), options.retentionSeconds())
      .map(reply -> switch (reply.get(0).toString()) {
        case "run" -> new Lease(jobId, entryId, reply.get(1).toString(), reply.get(2).toInteger(),
          reply.get(4).toString(), new JsonObject(reply.get(3).toString()));
        case "dead" -> jobId;
        default -> Boolean.FALSE;
      });
  }

  @Override
  public Future<Boolean> heartbeat(Lease lease, String consumer) {
    return run(Name.HEARTBEAT, lease.jobId(), lease.entryId(), consumer, lease.fence())
      .map(reply -> reply.toInteger() == 1);
  }

  @Override
  public Future<Transition> complete(Lease lease, JsonObject result, Map<String, Buffer> outputs) {
    List<Object> args = new ArrayList<>(List.of(prefix, group, lease.jobId(), lease.entryId(), lease.fence(), now(),
      options.retentionSeconds(), result.encode()));
    outputs.forEach((key, value) -> {
      args.add(key);
      args.add(value);
    });
    return scripts.run(Name.COMPLETE, args)
      .map(reply -> "ok".equals(reply.toString()) ? Transition.DONE : Transition.FENCED);
  }

  @Override
  public Future<Transition> fail(Lease lease, String code, String message, boolean permanent) {
    long retryAt = System.currentTimeMillis()
      + Backoff.delayMs(lease.delivery(), options.backoffBaseMs(), options.backoffMaxMs(),
      ThreadLocalRandom.current()::nextDouble);
    return run(Name.FAIL, lease.jobId(), lease.entryId(), lease.fence(), now(), options.retentionSeconds(), code,
      message == null ? "" : message, permanent ? "1" : "0", retryAt, options.maxDeliveries())
      .map(reply -> switch (reply.toString()) {
        case "dead" -> Transition.DEAD;
        case "retry" -> Transition.RETRY;
        default -> Transition.FENCED;
      });
  }

  @Override
  public Future<Boolean> release(Lease lease) {
    return run(Name.RELEASE, lease.jobId(), lease.entryId(), lease.fence(), now()).map(r -> r.toInteger() == 1);
  }

  @Override
  public Future<Integer> promoteDue() {
    return run(Name.PROMOTE, now(), PROMOTE_BATCH).map(Response::toInteger);
  }

  @Override
  public Future<Integer> pruneConsumers(long idleMs) {
    return redis.send(Request.cmd(Command.XINFO).arg("CONSUMERS").arg(stream).arg(group)).compose(reply -> {
      List<Future<Response>> deletions = new ArrayList<>();
      for (Response consumer : reply) {
        Map<String, String> info = Replies.fields(consumer);
        if (Replies.asLong(info.get("pending")) == 0 && Replies.asLong(info.get("idle")) > idleMs) {
          // DELCONSUMER of a consumer that just got a delivery would drop it from the pending list: re-check there.
          deletions.add(run(Name.PRUNE_CONSUMER, info.get("name"), idleMs));
        }
      }
      return Future.all(deletions).map(all -> (int) deletions.stream()
        .filter(f -> f.result() != null && f.result().toInteger() == 1).count());
    });
  }

  @Override
  public Future<QueueMetrics> metrics() {
    return new QueueMetricsReader(redis, options.type(), prefix, group).read();
  }

  @Override
  public Future<List<DeadLetter>> deadLetters(int count) {
    return redis.send(Request.cmd(Command.XRANGE).arg(prefix + "dead").arg("-").arg("+").arg("COUNT").arg(count))
      .map(reply -> reply.stream().map(DeadLetter::fromEntry).toList());
  }

  @Override
  public Future<Boolean> retryDead(String jobId) {
    return run(Name.RETRY_DEAD, jobId, now()).map(r -> r.toInteger() == 1);
  }

  @Override
  public Future<Long> purgeDead() {
    String dead = prefix + "dead";
    return redis.send(Request.cmd(Command.XLEN).arg(dead))
      .compose(len -> redis.send(Request.cmd(Command.DEL).arg(dead)).map(r -> len.toLong()));
  }

  private Future<Response> run(Name name, Object... args) {
    List<Object> all = new ArrayList<>(List.of(prefix, group));
    all.addAll(List.of(args));
    return scripts.run(name, all);
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
