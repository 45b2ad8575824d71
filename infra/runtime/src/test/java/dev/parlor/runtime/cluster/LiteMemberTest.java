package dev.parlor.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.runtime.config.ConfigLoader;
import dev.parlor.runtime.config.ServiceConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real clustered Vert.x nodes: a process whose services may join lite does so next to a data member, and makes
 * itself a data member when there is none, at its start or when the last one leaves, so that the event bus works.
 */
class LiteMemberTest {

  private final String cluster = "lite-" + UUID.randomUUID();
  private final List<Vertx> nodes = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (Vertx node : nodes) {
      node.close().await(20, TimeUnit.SECONDS);
    }
  }

  private Vertx node(boolean mayJoinLite, boolean liteMembers) throws Exception {
    ServiceConfig config = new ServiceConfig(ConfigLoader.classpathDefaults(List.of("common")).mergeIn(new JsonObject()
      .put("cluster.name", cluster).put("cluster.port", 27701).put("cluster.lite-members", liteMembers)));
    Vertx node = Vertx.builder().with(Clustering.vertxOptions(config))
      .withClusterManager(Clustering.clusterManager(config, mayJoinLite)).buildClustered().await(60, TimeUnit.SECONDS);
    nodes.add(node);
    return node;
  }

  private static boolean isLite(Vertx node) {
    HazelcastClusterManager manager =
      (HazelcastClusterManager) ((io.vertx.core.internal.VertxInternal) node).clusterManager();
    return manager.getHazelcastInstance().getCluster().getLocalMember().isLiteMember();
  }

  /** A request from one node answered by a consumer the other registered: the cluster's registrations work. */
  private static void assertAnswers(Vertx from, Vertx to, String address) throws Exception {
    to.eventBus().<String>consumer(address, m -> m.reply("pong " + m.body())).completion()
      .await(20, TimeUnit.SECONDS);
    assertEquals("pong ping", from.eventBus().<String>request(address, "ping").await(20, TimeUnit.SECONDS).body());
  }

  @Test
  void aLiteMemberJoinsNextToADataMemberAndTakesOverWhenItLeaves() throws Exception {
    Vertx data = node(false, true);
    Vertx lite = node(true, true);
    assertFalse(isLite(data));
    assertTrue(isLite(lite), "a gateway-like process joins without partitions");
    assertAnswers(data, lite, "lite.one");
    assertAnswers(lite, data, "lite.two");

    data.close().await(20, TimeUnit.SECONDS);
    nodes.remove(data);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (isLite(lite) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertFalse(isLite(lite), "alone, it promoted itself to hold the cluster's data");
    assertAnswers(lite, lite, "lite.three");
  }

  @Test
  void aLiteMemberThatFindsNoDataMemberStartsAsOne() throws Exception {
    Vertx first = node(true, true);
    assertFalse(isLite(first), "the first member of a cluster cannot be lite: nothing could store registrations");
    Vertx second = node(true, true);
    assertTrue(isLite(second));
    assertAnswers(first, second, "lite.four");
  }

  @Test
  void withTheSettingOffEveryMemberHoldsData() throws Exception {
    Vertx first = node(false, false);
    Vertx second = node(true, false);
    assertFalse(isLite(first));
    assertFalse(isLite(second));
    assertAnswers(first, second, "lite.five");
  }
}
