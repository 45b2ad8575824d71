package dev.parlor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parlor.runtime.config.ConfigSources;
import dev.parlor.runtime.redis.RedisServerProcess;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real clustered processes built the way every service is: on Linux x86_64 their sockets run on epoll unless
 * {@code network.native-transport} is off; {@code network.event-loops} sets their event-loop threads; and nodes that
 * differ in both talk over the event bus (a redeploy may change a setting one process at a time).
 */
class NetworkSettingsTest {

  private static RedisServerProcess redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServerProcess.start(0, null, false);
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  private static ParlorRuntime node(String cluster, boolean nativeTransport, int eventLoops) throws Exception {
    return ParlorRuntime.start(ConfigSources.of(new JsonObject().put("cluster.name", cluster)
      .put("cluster.port", 27801).put("redis.url", redis.url()).put("metrics.enabled", false)
      .put("ops.beacon-ms", 0).put("network.native-transport", nativeTransport)
      .put("network.event-loops", eventLoops)), List.of());
  }

  private static int eventLoops(ParlorRuntime node) {
    int count = 0;
    for (EventExecutor ignored : ((VertxInternal) node.vertx()).nettyEventLoopGroup()) {
      count++;
    }
    return count;
  }

  @Test
  void nodesOnEpollAndOnNioWithOneEventLoopOrTheDefaultAnswerEachOther() throws Exception {
    String cluster = "transport-" + UUID.randomUUID();
    ParlorRuntime epoll = node(cluster, true, 1);
    ParlorRuntime nio = node(cluster, false, 0);
    try {
      boolean linuxX64 = System.getProperty("os.name").equals("Linux")
        && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
      assertEquals(linuxX64 ? "epoll" : "nio", epoll.transportName(), "the bundled native library loads here");
      assertEquals("nio", nio.transportName());
      assertEquals(1, eventLoops(epoll));
      assertEquals(2 * Runtime.getRuntime().availableProcessors(), eventLoops(nio), "0 keeps Vert.x's default");
      nio.vertx().eventBus().<String>consumer("transport.nio", m -> m.reply("nio " + m.body())).completion()
        .await(20, TimeUnit.SECONDS);
      epoll.vertx().eventBus().<String>consumer("transport.epoll", m -> m.reply("epoll " + m.body())).completion()
        .await(20, TimeUnit.SECONDS);
      assertEquals("nio ping", epoll.vertx().eventBus().<String>request("transport.nio", "ping")
        .await(20, TimeUnit.SECONDS).body());
      assertEquals("epoll pong", nio.vertx().eventBus().<String>request("transport.epoll", "pong")
        .await(20, TimeUnit.SECONDS).body());
    } finally {
      nio.close();
      epoll.close();
    }
  }
}
