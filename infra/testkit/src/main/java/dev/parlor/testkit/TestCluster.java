package dev.parlor.testkit;

import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.runtime.ParlorService;
import dev.parlor.runtime.config.ConfigSources;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An isolated Hazelcast cluster for one test class: its own cluster name and port range, so test JVMs running side
 * by side never join each other. Every node it starts is a real {@link ParlorRuntime} on the shared test Redis, with
 * all ports on 0.
 */
public final class TestCluster implements AutoCloseable {

  private static final int PORT_COUNT = 10;
  private static final int FIRST_PORT = 20_000;
  private static final int FIRST_EPHEMERAL_PORT = 32_768;

  private final String name = "test-" + UUID.randomUUID();
  private final int basePort = basePort(PORT_COUNT);
  private final List<ParlorRuntime> nodes = new ArrayList<>();

  /**
   * A random first port for a cluster that takes {@code count} ports, all below Linux's ephemeral range (32768 and
   * up), where ports bound to 0 and outgoing connections land. Hazelcast's join probes every port of its range; one
   * held by a Redis or an HTTP server takes the probe and never answers, and the join then waits a minute.
   */
  public static int basePort(int count) {
    return FIRST_PORT + ThreadLocalRandom.current().nextInt((FIRST_EPHEMERAL_PORT - FIRST_PORT) / count) * count;
  }

  /** Settings for a node of this cluster; pass them with more overrides to {@link #start}. */
  public JsonObject settings() {
    return new JsonObject()
      .put("cluster.name", name)
      .put("cluster.port", basePort)
      .put("cluster.port-count", PORT_COUNT)
      .put("cluster.members", members())
      .put("cluster.join-wait-seconds", 0)
      .put("redis.url", TestRedis.url())
      .put("shutdown.grace-ms", 5_000)
      .put("gateway.http.port", 0)
      .put("gateway.management.port", 0)
      .put("game.management.port", 0)
      .put("presence.management.port", 0)
      .put("thumbnail.management.port", 0);
  }

  private String members() {
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < PORT_COUNT; i++) {
      members.append(i == 0 ? "" : ",").append("127.0.0.1:").append(basePort + i);
    }
    return members.toString();
  }

  /** Starts one clustered node running the given services. */
  public ParlorRuntime start(JsonObject overrides, ParlorService... services) throws Exception {
    JsonObject settings = settings().mergeIn(overrides);
    ParlorRuntime node = ParlorRuntime.start(ConfigSources.of(settings), List.of(services));
    synchronized (nodes) {
      nodes.add(node);
    }
    return node;
  }

  public ParlorRuntime start(ParlorService... services) throws Exception {
    return start(new JsonObject(), services);
  }

  /** Stops one node gracefully, as SIGTERM would. */
  public void stop(ParlorRuntime node) {
    synchronized (nodes) {
      nodes.remove(node);
    }
    node.close();
  }

  @Override
  public void close() {
    List<ParlorRuntime> running;
    synchronized (nodes) {
      running = new ArrayList<>(nodes);
      nodes.clear();
    }
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }
}
