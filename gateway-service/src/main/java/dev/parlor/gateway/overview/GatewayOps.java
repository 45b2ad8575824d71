package dev.parlor.gateway.overview;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.jobs.JobQueues;
import dev.parlor.gateway.GatewaySettings;
import dev.parlor.gateway.topics.TopicHub;
import dev.parlor.gateway.topics.TopicName;
import dev.parlor.jobs.JobQueue;
import dev.parlor.jobs.QueueMetrics;
import dev.parlor.jobs.QueueOptions;
import dev.parlor.jobs.RedisJobQueue;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.config.ServiceConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' side of one gateway process, shared by its event loops: the instance board fed by beacons, the
 * thumbnail queue read through the jobs library (readable even when no worker runs, which is exactly when it piles
 * up), and the delivery canary that every event loop follows through its topic hub.
 */
public final class GatewayOps {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayOps.class);

  private final InstanceBoard board;
  private final JobQueue thumbnails;
  private final long boundMs;
  private final String gatewayId;
  private final DeliveryCanary canary;
  private final Timer canaryDelivery;
  private final long canaryIntervalMs;

  public GatewayOps(InstanceBoard board, JobQueue thumbnails, long boundMs, String gatewayId, DeliveryCanary canary,
                    long canaryIntervalMs, MeterRegistry registry) {
    this.canaryIntervalMs = canaryIntervalMs;
    this.board = board;
    this.thumbnails = thumbnails;
    this.boundMs = boundMs;
    this.gatewayId = gatewayId;
    this.canary = canary;
    this.canaryDelivery = Timer.builder("parlor.gateway.canary.delivery")
      .description("time from publishing the delivery canary to its arrival at an event loop's topic hub")
      .register(registry);
  }

  /**
   * The operators' side of a gateway process from its settings: its beacon figures (sessions), the sessions gauge,
   * and, when the canary is on, the {@code delivery} readiness check.
   */
  public static GatewayOps create(ServiceContext context, String gatewayId, IntSupplier sessions) {
    ServiceConfig config = context.config();
    long intervalMs = config.getLong(GatewaySettings.CANARY_INTERVAL_MS);
    GatewayOps ops = new GatewayOps(new InstanceBoard(config.getList(GatewaySettings.OPS_SERVICES),
      config.getLong(GatewaySettings.OPS_FORGET_AFTER_MS)),
      new RedisJobQueue(context.redis(), QueueOptions.defaults(JobQueues.THUMBNAIL)), context.requestTimeoutMs(),
      gatewayId, new DeliveryCanary(intervalMs, config.getLong(GatewaySettings.CANARY_BOUND_MS)), intervalMs,
      context.metrics());
    context.beaconStats(() -> Future.succeededFuture(new JsonObject().put("sessions", sessions.getAsInt())));
    Gauge.builder("parlor.gateway.sessions", sessions, IntSupplier::getAsInt).strongReference(true)
      .description("client sessions welcomed and still open on this gateway").register(context.metrics());
    if (intervalMs > 0) {
      context.readiness().register("delivery", promise -> promise.complete(ops.canaryStatus()));
    }
    return ops;
  }

  /** How often the canary is published; 0: never. */
  public long canaryIntervalMs() {
    return canaryIntervalMs;
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
    return thumbnailQueue().timeout(boundMs, TimeUnit.MILLISECONDS).transform(read -> {
      if (read.succeeded()) {
        QueueMetrics m = read.result();
        view.put("jobsWaiting", m.lag() + m.delayed()).put("jobs", new JsonObject().put("type", JobQueues.THUMBNAIL)
          .put("depth", m.depth()).put("waiting", m.lag() + m.delayed()).put("running", m.pending())
          .put("deadLetters", m.deadLetters()));
      } else {
        LOG.debug("The thumbnail queue could not be read for the ops overview: {}", read.cause().toString());
        view.putNull("jobsWaiting").putNull("jobs");
      }
      return Future.succeededFuture(view.put("generatedAt", System.currentTimeMillis()));
    });
  }

  /**
   * The thumbnail queue's metrics. A queue no worker ever started has no consumer group yet (Redis answers NOGROUP):
   * it is created here as a worker would (idempotent, from the first entry), and then it reads as what it is.
   */
  private Future<QueueMetrics> thumbnailQueue() {
    // In a pipeline the error reads "ERR [n] NOGROUP …".
    return thumbnails.metrics().recover(e -> String.valueOf(e.getMessage()).contains("NOGROUP")
      ? thumbnails.init().compose(v -> thumbnails.metrics())
      : Future.failedFuture(e));
  }

  /** Follows the canary through this event loop's hub; call on that loop. */
  public void watchCanary(TopicHub hub) {
    int loop = canary.watch();
    hub.add(TopicName.canary(gatewayId), event -> arrived(loop, event.frame()))
      .onSuccess(v -> canary.joined(loop))
      .onFailure(e -> LOG.warn("The delivery canary could not subscribe on an event loop: {}", e.toString()));
  }

  private void arrived(int loop, String frame) {
    Object seq = new JsonObject(frame).getJsonObject("data", new JsonObject()).getValue("seq");
    if (seq instanceof Number n) {
      long ms = canary.delivered(loop, n.longValue(), System.currentTimeMillis());
      if (ms >= 0) {
        canaryDelivery.record(ms, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Publishes the next canary on the cluster event bus, the way services publish topic events. */
  public void publishCanary(EventBus eventBus) {
    long now = System.currentTimeMillis();
    long seq = canary.sent(now);
    eventBus.publish(Addresses.Topics.canary(gatewayId), new JsonObject().put("event", "canary")
      .put("data", new JsonObject().put("seq", seq).put("sentAt", now)));
  }

  /** The {@code delivery} readiness check. */
  public Status canaryStatus() {
    DeliveryCanary.Verdict verdict = canary.verdict(System.currentTimeMillis());
    JsonObject data = new JsonObject().put("lastDeliveryMs", verdict.lastDeliveryMs());
    return verdict.healthy() ? Status.OK(data)
      : Status.KO(data.put("reason", verdict.reason()).put("lateEventLoops", new JsonArray(verdict.lateLoops())));
  }
}
