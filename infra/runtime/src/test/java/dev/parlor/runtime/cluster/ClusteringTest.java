package dev.parlor.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import dev.parlor.runtime.config.ConfigLoader;
import dev.parlor.runtime.config.ServiceConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusteringTest {

  private static ServiceConfig config(JsonObject overrides) {
    return new ServiceConfig(ConfigLoader.classpathDefaults(List.of("common")).mergeIn(overrides));
  }

  @Test
  void defaultsJoinOverTcpIpOnLoopbackWithoutMulticast() {
    Config hazelcast = Clustering.hazelcastConfig(config(new JsonObject()));
    JoinConfig join = hazelcast.getNetworkConfig().getJoin();
    assertEquals("parlor", hazelcast.getClusterName());
    assertFalse(join.getMulticastConfig().isEnabled());
    assertTrue(join.getTcpIpConfig().isEnabled());
    assertEquals(List.of("127.0.0.1"), join.getTcpIpConfig().getMembers());
    assertEquals(List.of("127.0.0.1"), List.copyOf(hazelcast.getNetworkConfig().getInterfaces().getInterfaces()));
    assertEquals("20", hazelcast.getProperty("hazelcast.tcp.join.port.try.count"));
    assertFalse(hazelcast.getMultiMapConfig("__vertx.subs").isStatisticsEnabled(),
      "statistics of the subscription multimap walk every consumer of the cluster every 5 s");
    assertFalse(hazelcast.getMetricsConfig().isEnabled(), "Hazelcast's metrics are collected for nobody every 5 s");
    assertFalse(hazelcast.getMetricsConfig().getManagementCenterConfig().isEnabled());
    assertEquals("OFF", hazelcast.getProperty("hazelcast.health.monitoring.level"),
      "the health monitor renders every metric under load for a log level Parlor drops");
  }

  @Test
  void nameInterfacePortAndMembersComeFromSettings() {
    Config hazelcast = Clustering.hazelcastConfig(config(new JsonObject()
      .put("cluster.name", "blue").put("cluster.host", "10.1.2.3").put("cluster.port", 6000)
      .put("cluster.members", "10.1.2.3, 10.1.2.4:6000").put("cluster.public-host", "203.0.113.7")));
    assertEquals("blue", hazelcast.getClusterName());
    assertEquals(6000, hazelcast.getNetworkConfig().getPort());
    assertEquals(List.of("10.1.2.3"), List.copyOf(hazelcast.getNetworkConfig().getInterfaces().getInterfaces()));
    assertEquals(List.of("10.1.2.3", "10.1.2.4:6000"), hazelcast.getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
    assertEquals("203.0.113.7", hazelcast.getNetworkConfig().getPublicAddress());
  }

  @Test
  void theKubernetesVariantDiscoversThroughTheHeadlessService() {
    Path file = Path.of("..", "hazelcast", "hazelcast-kubernetes.xml").toAbsolutePath().normalize();
    Config hazelcast = Clustering.hazelcastConfig(config(new JsonObject().put("cluster.config-file", file.toString())));
    JoinConfig join = hazelcast.getNetworkConfig().getJoin();
    assertTrue(join.getKubernetesConfig().isEnabled());
    assertFalse(join.getTcpIpConfig().isEnabled());
    assertFalse(join.getMulticastConfig().isEnabled());
    assertEquals("parlor-cluster.parlor.svc.cluster.local", join.getKubernetesConfig().getProperty("service-dns"));
    assertTrue(hazelcast.getMultiMapConfigs().containsKey("__vertx.subs"), "Vert.x needs its subscription multimap");
    assertFalse(hazelcast.getMultiMapConfig("__vertx.subs").isStatisticsEnabled());
    assertEquals("OFF", hazelcast.getProperty("hazelcast.health.monitoring.level"));
  }
}
