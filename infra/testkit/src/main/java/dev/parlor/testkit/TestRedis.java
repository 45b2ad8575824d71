package dev.parlor.testkit;

import dev.parlor.runtime.redis.RedisServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real Redis server per test JVM, on a free port, started on first use and stopped when the JVM exits. It is
 * started by the same code the services use when no Redis is configured. Tests keep apart by using fresh ids.
 */
public final class TestRedis {

  private static RedisServerProcess server;

  private TestRedis() {
  }

  public static synchronized String url() {
    return server().url();
  }

  public static synchronized RedisServerProcess server() {
    if (server == null || !server.isAlive()) {
      try {
        server = RedisServerProcess.start(0, null, false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      RedisServerProcess started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-redis-stop"));
    }
    return server;
  }
}
