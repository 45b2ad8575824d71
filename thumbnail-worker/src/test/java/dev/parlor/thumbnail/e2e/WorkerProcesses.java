package dev.parlor.thumbnail.e2e;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Thumbnail workers as separate JVMs (the test's own classpath), so they can be killed with SIGKILL. */
final class WorkerProcesses {

  private WorkerProcesses() {
  }

  static JsonObject settings(String redisUrl, long leaseMs) {
    return new JsonObject().put("redis.url", redisUrl).put("cluster.enabled", false)
      .put("thumbnail.management.port", 0).put("thumbnail.concurrency", 1).put("thumbnail.lease-ms", leaseMs)
      .put("thumbnail.backoff-base-ms", 100).put("thumbnail.backoff-max-ms", 400)
      .put("thumbnail.announce-attempts", 1).put("shutdown.grace-ms", 2_000);
  }

  static Process start(JsonObject settings, String heap) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
      "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath));
    settings.forEach(entry -> command.add("-Dparlor." + entry.getKey() + "=" + entry.getValue()));
    command.add("dev.parlor.thumbnail.ThumbnailMain");
    File log = File.createTempFile("thumbnail-worker", ".log");
    log.deleteOnExit();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }
}
