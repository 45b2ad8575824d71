package dev.parlor.runtime;

import dev.parlor.runtime.config.CommonSettings;
import dev.parlor.runtime.config.ServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.redis.client.Redis;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What a service is given to run: the process's Vert.x, configuration and Redis client, its node id, the readiness
 * checks it may add to, and a place to publish the ports it actually bound (tests bind to port 0).
 */
public final class ServiceContext {

  private final String name;
  private final Vertx vertx;
  private final ServiceConfig config;
  private final Redis redis;
  private final String nodeId;
  private final HealthChecks readiness;
  private final Map<String, Integer> ports;
  private final List<String> deployments = new CopyOnWriteArrayList<>();
  private final InFlightRequests inFlight;
  private final MeterRegistry metrics;
  private volatile Supplier<Future<JsonObject>> beaconStats = () -> Future.succeededFuture(new JsonObject());

  ServiceContext(String name, Vertx vertx, ServiceConfig config, Redis redis, String nodeId, HealthChecks readiness,
                 Map<String, Integer> ports, InFlightRequests inFlight, MeterRegistry metrics) {
    this.inFlight = inFlight;
    this.metrics = metrics;
    this.name = name;
    this.vertx = vertx;
    this.config = config;
    this.redis = redis;
    this.nodeId = nodeId;
    this.readiness = readiness;
    this.ports = ports;
  }

  public String name() {
    return name;
  }

  public Vertx vertx() {
    return vertx;
  }

  public ServiceConfig config() {
    return config;
  }

  public Redis redis() {
    return redis;
  }

  /** This process's cluster node id (a random id when not clustered): unique per running instance. */
  public String nodeId() {
    return nodeId;
  }

  /** Readiness checks of this service; add a check for anything without which the service cannot serve. */
  public HealthChecks readiness() {
    return readiness;
  }

  /** Where the service registers its own meters (scraped at {@code /metrics} on its management port). */
  public MeterRegistry metrics() {
    return metrics;
  }

  /**
   * The few figures this service shows operators, sent with each of the process's beacons
   * ({@code parlor.ops.beacon}): a small JSON object, asked for every {@code ops.beacon-ms}.
   */
  public void beaconStats(Supplier<Future<JsonObject>> stats) {
    this.beaconStats = stats;
  }

  Supplier<Future<JsonObject>> beaconStats() {
    return beaconStats;
  }

  /** The timeout for event-bus requests this service sends. */
  public long requestTimeoutMs() {
    return config.getLong(CommonSettings.EVENTBUS_REQUEST_TIMEOUT_MS);
  }

  /** Deploys verticles so they are undeployed, in reverse order, when the service stops. */
  public Future<String> deploy(Supplier<? extends Deployable> verticle, DeploymentOptions options) {
    return vertx.deployVerticle(verticle, options).onSuccess(deployments::add);
  }

  /** Records a port this service bound, under a name like {@code gateway.http}. */
  public void publishPort(String portName, int port) {
    ports.put(portName, port);
  }

  InFlightRequests inFlight() {
    return inFlight;
  }

  List<String> deployments() {
    return deployments;
  }

  static Map<String, Integer> newPortRegistry() {
    return new ConcurrentHashMap<>();
  }
}
