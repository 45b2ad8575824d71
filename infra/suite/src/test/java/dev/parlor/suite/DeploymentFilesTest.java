package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryXmlConfig;
import com.hazelcast.config.XmlConfigBuilder;
import dev.parlor.runtime.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files cannot be run here (no container engine), so they are parsed and checked against the code:
 * probes hit the real health paths on the real management ports, every image has a Dockerfile, every Deployment has
 * a disruption budget and joins the Hazelcast headless Service, the Hazelcast config is the one in infra/hazelcast.
 */
class DeploymentFilesTest {

  private static final Path INFRA = Path.of(System.getProperty("user.dir")).getParent();
  private static final Map<String, String> MODULE_OF = Map.of("gateway", "gateway-service", "game", "game-service",
    "presence", "presence-service", "thumbnail", "thumbnail-worker");

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> manifests() throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(INFRA.resolve("k8s"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
          assertNotNull(doc, "empty document in " + file);
          docs.add((Map<String, Object>) doc);
        }
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current = current instanceof Map<?, ?> map ? map.get(key) : null;
    }
    return (T) current;
  }

  @Test
  void everyManifestIsWellFormed() throws IOException {
    for (Map<String, Object> doc : manifests()) {
      String kind = at(doc, "kind");
      assertNotNull(doc.get("apiVersion"), doc.toString());
      assertNotNull(kind);
      assertNotNull(at(doc, "metadata", "name"), kind);
      if (!kind.equals("Namespace")) {
        assertEquals("parlor", at(doc, "metadata", "namespace"), kind + " " + at(doc, "metadata", "name"));
      }
    }
  }

  @Test
  void deploymentsProbeTheRealHealthEndpointsAndHaveBudgetsAndImages() throws IOException {
    List<Map<String, Object>> docs = manifests();
    var defaults = ConfigLoader.classpathDefaults(List.of("gateway", "game", "presence", "thumbnail"));
    int deployments = 0;
    for (Map<String, Object> doc : docs) {
      if (!"Deployment".equals(doc.get("kind"))) {
        continue;
      }
      deployments++;
      String name = at(doc, "metadata", "name");
      Map<String, Object> selector = at(doc, "spec", "selector", "matchLabels");
      Map<String, Object> labels = at(doc, "spec", "template", "metadata", "labels");
      assertTrue(labels.entrySet().containsAll(selector.entrySet()), name + ": selector matches its pods");
      assertEquals("true", labels.get("parlor.dev/clustered"), name + " joins the headless Hazelcast service");
      Map<String, Object> container = ((List<Map<String, Object>>) at(doc, "spec", "template", "spec", "containers")).get(0);
      int managementPort = defaults.getInteger(name + ".management.port");
      boolean declaresPort = ((List<Map<String, Object>>) container.get("ports")).stream()
        .anyMatch(p -> "management".equals(p.get("name")) && Integer.valueOf(managementPort).equals(p.get("containerPort")));
      assertTrue(declaresPort, name + " exposes management port " + managementPort);
      assertEquals("/health/ready", at(container, "readinessProbe", "httpGet", "path"));
      assertEquals("/health/live", at(container, "livenessProbe", "httpGet", "path"));
      String image = (String) container.get("image");
      String module = MODULE_OF.get(name);
      assertEquals("parlor/" + module + ":latest", image);
      assertTrue(Files.exists(INFRA.resolve("docker/" + module + ".Dockerfile")), image + " has a Dockerfile");
      boolean budgeted = docs.stream().anyMatch(d -> "PodDisruptionBudget".equals(d.get("kind"))
        && selector.equals(at(d, "spec", "selector", "matchLabels")));
      assertTrue(budgeted, name + " has a PodDisruptionBudget");
    }
    assertEquals(4, deployments, "one Deployment per service");
  }

  @Test
  void dockerfilesRunAsNonRootAndCheckReadiness() throws IOException {
    var defaults = ConfigLoader.classpathDefaults(List.of("gateway", "game", "presence", "thumbnail"));
    for (var entry : MODULE_OF.entrySet()) {
      String dockerfile = Files.readString(INFRA.resolve("docker/" + entry.getValue() + ".Dockerfile"));
      int port = defaults.getInteger(entry.getKey() + ".management.port");
      assertTrue(dockerfile.contains("USER parlor"), entry.getValue());
      assertFalse(dockerfile.contains("alpine"), entry.getValue() + ": a glibc base, where Netty's epoll library loads");
      assertTrue(dockerfile.contains("http://127.0.0.1:" + port + "/health/ready"), entry.getValue());
      assertTrue(dockerfile.contains("COPY --chown=parlor:parlor " + entry.getValue() + "/target/" + entry.getValue() + ".jar"),
        entry.getValue() + " copies its runnable jar");
    }
  }

  @Test
  void theHazelcastConfigMapIsTheKubernetesVariant() throws IOException {
    Map<String, Object> configMap = manifests().stream()
      .filter(d -> "parlor-hazelcast".equals(at(d, "metadata", "name"))).findFirst().orElseThrow();
    Config inCluster = new InMemoryXmlConfig(at(configMap, "data", "hazelcast-kubernetes.xml"));
    Config inRepo = new XmlConfigBuilder(INFRA.resolve("hazelcast/hazelcast-kubernetes.xml").toString()).build();
    var k8s = inCluster.getNetworkConfig().getJoin().getKubernetesConfig();
    assertTrue(k8s.isEnabled());
    assertEquals(inRepo.getNetworkConfig().getJoin().getKubernetesConfig().getProperties(), k8s.getProperties());
    assertEquals(inRepo.getClusterName(), inCluster.getClusterName());
    assertEquals(inRepo.getMultiMapConfigs().keySet(), inCluster.getMultiMapConfigs().keySet());
    assertEquals(inRepo.getMetricsConfig().isEnabled(), inCluster.getMetricsConfig().isEnabled());
    assertFalse(inCluster.getNetworkConfig().getJoin().getMulticastConfig().isEnabled());
  }

  @Test
  void composeBuildsEveryServiceFromItsDockerfile() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(INFRA.resolve("compose.yaml")));
    Map<String, Object> services = at(compose, "services");
    for (var entry : MODULE_OF.entrySet()) {
      assertEquals("infra/docker/" + entry.getValue() + ".Dockerfile", at(services, entry.getKey(), "build", "dockerfile"));
    }
    assertTrue(services.containsKey("redis") && services.containsKey("lb"));
    String nginx = Files.readString(INFRA.resolve("lb/nginx.conf"));
    assertTrue(nginx.contains("hash $sockjs_session consistent"), "SockJS affinity");
    assertTrue(nginx.contains("proxy_set_header Upgrade $http_upgrade"), "WebSocket upgrade");
  }
}
