package dev.parlor.runtime;

import dev.parlor.runtime.cluster.Clustering;
import dev.parlor.runtime.cluster.LeavingNodes;
import dev.parlor.runtime.config.CommonSettings;
import dev.parlor.runtime.config.ConfigLoader;
import dev.parlor.runtime.config.ConfigSources;
import dev.parlor.runtime.config.ServiceConfig;
import dev.parlor.runtime.health.ManagementServer;
import dev.parlor.runtime.health.Metrics;
import dev.parlor.runtime.redis.RedisClients;
import dev.parlor.runtime.redis.RedisServerProcess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.impl.clustered.DefaultNodeSelector;
import io.vertx.core.impl.VertxBootstrapImpl;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.transport.Transport;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Parlor process: its configuration, Redis (started here when none is configured), a clustered Vert.x,
 * and one or more services, each with its own management port and readiness. {@link #start} and {@link #close}
 * block their caller: use them from a main thread or a test, never from an event loop.
 */
public final class ParlorRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ParlorRuntime.class);
  private static final long START_TIMEOUT_SECONDS = 120;

  private final Vertx vertx;
  private final ServiceConfig config;
  private final RedisServerProcess redisProcess;
  private final String redisUrl;
  private final List<ServiceContext> contexts = new ArrayList<>();
  private final List<HttpServer> managementServers = new ArrayList<>();
  private final Map<String, Integer> ports = ServiceContext.newPortRegistry();
  private final InFlightRequests inFlight = new InFlightRequests();
  private final LeavingNodes leavingNodes;
  private String nodeId;
  private Beacon beacon;
  private volatile boolean accepting = true;
  private volatile boolean closed;

  private final Metrics metrics;

  private ParlorRuntime(Vertx vertx, ServiceConfig config, RedisServerProcess redisProcess, String redisUrl,
                        Metrics metrics, LeavingNodes leavingNodes) {
    this.leavingNodes = leavingNodes;
    this.metrics = metrics;
    this.vertx = vertx;
    this.config = config;
    this.redisProcess = redisProcess;
    this.redisUrl = redisUrl;
  }

  /** Loads configuration, starts Redis if needed, joins the cluster and deploys every service; ready on return. */
  public static ParlorRuntime start(ConfigSources sources, List<? extends ParlorService> services) throws Exception {
    List<String> names = new ArrayList<>(List.of("common"));
    services.forEach(service -> names.add(service.name()));
    LogIdentity.services(names.subList(1, names.size()));
    JsonObject defaults = ConfigLoader.classpathDefaults(names);
    Vertx boot = Vertx.vertx();
    ServiceConfig config;
    try {
      config = await(ConfigLoader.load(boot, defaults, sources));
    } finally {
      await(boot.close());
    }

    RedisServerProcess redisProcess = null;
    String redisUrl = config.getString(CommonSettings.REDIS_URL);
    if (redisUrl.isBlank()) {
      redisProcess = RedisServerProcess.start(config.getInt(CommonSettings.REDIS_EMBEDDED_PORT),
        config.getString(CommonSettings.REDIS_EMBEDDED_DIR), config.getBoolean(CommonSettings.REDIS_EMBEDDED_APPENDONLY));
      redisUrl = redisProcess.url();
    }

    Vertx vertx;
    Metrics metrics = new Metrics(config.getBoolean(CommonSettings.METRICS_ENABLED));
    LeavingNodes leavingNodes = new LeavingNodes(new DefaultNodeSelector());
    try {
      vertx = buildVertx(config, metrics, leavingNodes, services.stream().allMatch(ParlorService::mayJoinLite));
    } catch (Exception e) {
      if (redisProcess != null) {
        redisProcess.close();
      }
      throw e;
    }
    if (config.getBoolean(CommonSettings.NETWORK_NATIVE_TRANSPORT) && !vertx.isNativeTransportEnabled()) {
      LOG.info("Sockets use Java NIO: the native transport is unavailable here ({})",
        String.valueOf(vertx.unavailableNativeTransportCause()));
    }
    ParlorRuntime runtime = new ParlorRuntime(vertx, config, redisProcess, redisUrl, metrics, leavingNodes);
    try {
      runtime.deployAll(services);
    } catch (Exception e) {
      runtime.close();
      throw e;
    }
    return runtime;
  }

  private static Vertx buildVertx(ServiceConfig config, Metrics metrics, LeavingNodes leavingNodes, boolean mayJoinLite)
    throws Exception {
    VertxOptions options = Clustering.vertxOptions(config).setMetricsOptions(metrics.vertxOptions());
    if (!config.getBoolean(CommonSettings.CLUSTER_ENABLED)) {
      return Vertx.builder().with(options).build();
    }
    // What Vertx.builder().buildClustered() does (the transport too), plus the node selector that routes around
    // leaving nodes.
    VertxBootstrapImpl bootstrap = (VertxBootstrapImpl) VertxBootstrap.create().options(options)
      .clusterManager(Clustering.clusterManager(config, mayJoinLite));
    bootstrap.clusterNodeSelector(leavingNodes.selector());
    Transport preferred = options.getPreferNativeTransport() ? Transport.nativeTransport() : null;
    if (preferred != null) {
      bootstrap.transport(preferred.implementation());
    }
    return await(bootstrap.init().clusteredVertx());
  }

  private void deployAll(List<? extends ParlorService> services) throws Exception {
    inFlight.install(vertx.eventBus());
    if (vertx.isClustered()) {
      await(leavingNodes.listen(vertx).completion());
    }
    Redis redis = RedisClients.create(vertx, config, redisUrl, metrics.registry());
    nodeId = vertx.isClustered() ? clusterManager().getNodeId() : UUID.randomUUID().toString();
    LogIdentity.nodeId(nodeId);
    List<Future<?>> deployed = new ArrayList<>();
    for (ParlorService service : services) {
      HealthChecks readiness = baseReadiness(redis);
      ServiceContext context = new ServiceContext(service.name(), vertx, config, redis, nodeId, readiness, ports,
        inFlight, metrics.registry());
      contexts.add(context);
      int managementPort = config.getInt(service.name() + ".management.port");
      deployed.add(ManagementServer.start(vertx, managementPort, readiness, metrics).compose(server -> {
        managementServers.add(server);
        context.publishPort(service.name() + ".management", server.actualPort());
        return service.deploy(context);
      }));
    }
    await(Future.all(deployed));
    beacon = new Beacon(vertx, nodeId, contexts, ports, config.getLong(CommonSettings.OPS_BEACON_MS));
    beacon.start();
  }

  private HealthChecks baseReadiness(Redis redis) {
    HealthChecks checks = HealthChecks.create(vertx);
    checks.register("deployed", promise -> promise.complete(accepting ? Status.OK() : Status.KO(
      new JsonObject().put("reason", "shutting down"))));
    // A PING answered after the check's 2 s timeout finds its promise already failed: tryComplete.
    checks.register("redis", 2_000, promise -> redis.send(Request.cmd(Command.PING))
      .onSuccess(pong -> promise.tryComplete(Status.OK()))
      .onFailure(e -> promise.tryComplete(Status.KO(new JsonObject().put("error", String.valueOf(e.getMessage()))))));
    if (vertx.isClustered()) {
      checks.register("cluster", promise -> {
        HazelcastClusterManager manager = clusterManager();
        promise.complete(manager.isActive()
          ? Status.OK(new JsonObject().put("nodes", manager.getNodes().size()))
          : Status.KO());
      });
    }
    return checks;
  }

  private HazelcastClusterManager clusterManager() {
    return (HazelcastClusterManager) ((io.vertx.core.internal.VertxInternal) vertx).clusterManager();
  }

  public Vertx vertx() {
    return vertx;
  }

  public ServiceConfig config() {
    return config;
  }

  /** This process's cluster node id (random when not clustered). */
  public String nodeId() {
    return nodeId;
  }

  /** What this process's sockets run on: {@code epoll} (Netty's native transport) or {@code nio}. */
  public String transportName() {
    return vertx.isNativeTransportEnabled() ? "epoll" : "nio";
  }

  /** The Redis URL in use: configured, or the one of the server started here. */
  public String redisUrl() {
    return redisUrl;
  }

  /** A port a service bound, by name ({@code gateway.http}, {@code game.management}, …). */
  public int port(String name) {
    Integer port = ports.get(name);
    if (port == null) {
      throw new IllegalArgumentException("No port named " + name + "; known: " + ports.keySet());
    }
    return port;
  }

  /**
   * Graceful stop: readiness turns DOWN first, then after {@code shutdown.drain-ms} the services are undeployed in
   * reverse order (their consumers go, so no new request arrives), the requests already received are answered, the
   * node leaves the cluster, and a Redis started here stops. Each step is bounded by {@code shutdown.grace-ms}.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    accepting = false;
    if (beacon != null) {
      beacon.stop();
    }
    long graceMs = config.getLong(CommonSettings.SHUTDOWN_GRACE_MS);
    try {
      long drainMs = config.getLong(CommonSettings.SHUTDOWN_DRAIN_MS);
      if (drainMs > 0) {
        Thread.sleep(drainMs);
      }
      announceLeaving();
      for (int i = contexts.size() - 1; i >= 0; i--) {
        List<String> ids = new ArrayList<>(contexts.get(i).deployments());
        java.util.Collections.reverse(ids);
        for (String id : ids) {
          awaitQuietly(vertx.undeploy(id), graceMs);
        }
      }
      awaitQuietly(inFlight.drained(vertx, graceMs), graceMs + 1_000);
      if (inFlight.count() > 0) {
        LOG.warn("Stopping with {} requests still unanswered after {} ms", inFlight.count(), graceMs);
      }
      managementServers.forEach(server -> awaitQuietly(server.close(), graceMs));
      awaitQuietly(vertx.close(), graceMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (redisProcess != null) {
        redisProcess.close();
      }
    }
  }

  /**
   * Before any consumer goes, the other nodes are told to route around this one (see {@link LeavingNodes}); its
   * consumers keep serving what is already on the way while the announcement spreads.
   */
  private void announceLeaving() throws InterruptedException {
    long graceMs = config.getLong(CommonSettings.SHUTDOWN_DEREGISTRATION_GRACE_MS);
    if (vertx.isClustered() && nodeId != null && graceMs > 0) {
      leavingNodes.announce(vertx, nodeId);
      Thread.sleep(graceMs);
    }
  }

  private static void awaitQuietly(Future<?> future, long timeoutMs) {
    try {
      future.toCompletionStage().toCompletableFuture().get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Shutdown step did not finish cleanly: {}", e.toString());
    }
  }

  /** Blocks the calling (non event-loop) thread until the future completes; rethrows its failure. */
  public static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
