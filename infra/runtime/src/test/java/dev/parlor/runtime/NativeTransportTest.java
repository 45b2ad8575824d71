package dev.parlor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parlor.runtime.config.ConfigSources;
import dev.parlor.runtime.redis.RedisServerProcess;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real clustered processes built the way every service is: on Linux x86_64 their sockets run on epoll unless
 * {@code network.native-transport} is off, and a node on epoll and a node on NIO talk over the event bus (a
 * redeploy may change the setting one process at a time).
 */
class NativeTransportTest {

  private static RedisServerProcess redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServerProcess.start(0, null, false);
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  private static ParlorRuntime node(String cluster, boolean nativeTransport) throws Exception {
    return ParlorRuntime.start(ConfigSources.of(new JsonObject().put("cluster.name", cluster)
      .put("cluster.port", 27801).put("redis.url", redis.url()).put("metrics.enabled", false)
      .put("ops.beacon-ms", 0).put("network.native-transport", nativeTransport)), List.of());
  }

  @Test
  void nodesOnEpollAndOnNioAnswerEachOther() throws Exception {
    String cluster = "transport-" + UUID.randomUUID();
    ParlorRuntime epoll = node(cluster, true);
    ParlorRuntime nio = node(cluster, false);
    try {
      boolean linuxX64 = System.getProperty("os.name").equals("Linux")
        && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
      assertEquals(linuxX64 ? "epoll" : "nio", epoll.transportName(), "the bundled native library loads here");
      assertEquals("nio", nio.transportName());
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
