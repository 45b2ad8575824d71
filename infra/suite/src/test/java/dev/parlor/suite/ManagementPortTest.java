package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.game.GameService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A service's management port: liveness, readiness with its checks, and Prometheus metrics. */
class ManagementPortTest {

  private static final TestCluster cluster = new TestCluster();
  private static ParlorRuntime node;
  private static WebClient http;

  @BeforeAll
  static void start() throws Exception {
    node = cluster.start(new GameService());
    http = WebClient.create(node.vertx());
  }

  @AfterAll
  static void stop() {
    http.close();
    cluster.close();
  }

  private HttpResponse<Buffer> get(String path) throws Exception {
    return ParlorRuntime.await(http.get(node.port("game.management"), "127.0.0.1", path).send());
  }

  @Test
  void readinessListsRedisClusterAndDeploymentChecks() throws Exception {
    HttpResponse<Buffer> ready = get("/health/ready");
    assertEquals(200, ready.statusCode());
    String body = ready.bodyAsString();
    for (String check : new String[] {"\"redis\"", "\"cluster\"", "\"deployed\"", "\"UP\""}) {
      assertTrue(body.contains(check), body);
    }
    assertEquals(200, get("/health/live").statusCode());
  }

  @Test
  void metricsAreScrapedInPrometheusFormat() throws Exception {
    HttpResponse<Buffer> metrics = get("/metrics");
    assertEquals(200, metrics.statusCode());
    String body = metrics.bodyAsString();
    assertTrue(body.contains("jvm_memory_used_bytes"), "JVM metrics");
    assertTrue(body.contains("vertx_eventbus_handlers"), "Vert.x event-bus metrics");
  }
}
