package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.runtime.config.ConfigSources;
import dev.parlor.testkit.TestRedis;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code -Dparlor.log.format=json} turns a process's stdout into one JSON object per line, each naming the service
 * and node it came from, so a log collector needs no parsing rules; without it the output stays readable text. Only
 * a fresh JVM shows this: logback reads its configuration once per process.
 */
class JsonLogsTest {

  private static final String PROBE_MESSAGE = "probe logged";

  @Test
  void jsonFormatPrintsOneJsonObjectPerLineWithServiceAndNodeId() throws Exception {
    List<String> lines = runProbe("-Dparlor.log.format=json");
    assertFalse(lines.isEmpty(), "no output");
    String nodeId = null;
    boolean probeLine = false;
    for (String line : lines) {
      JsonObject event;
      try {
        event = new JsonObject(line);
      } catch (DecodeException e) {
        throw new AssertionError("not a JSON object: " + line + "\nall output:\n" + String.join("\n", lines), e);
      }
      assertNotNull(event.getString("level"), line);
      assertNotNull(event.getString("message"), line);
      JsonObject properties = event.getJsonObject("context").getJsonObject("properties");
      assertEquals("probe", properties.getString("service"), line);
      assertFalse(properties.getString("nodeId", "").isBlank(), line);
      if (nodeId == null) {
        nodeId = properties.getString("nodeId");
      }
      assertEquals(nodeId, properties.getString("nodeId"), "one node id per process");
      if (PROBE_MESSAGE.equals(event.getString("message"))) {
        probeLine = true;
        assertEquals("WARN", event.getString("level"));
        assertEquals("IllegalStateException", event.getJsonObject("throwable").getString("className")
          .replace("java.lang.", ""));
      }
    }
    assertTrue(probeLine, "the probe's own line is missing:\n" + String.join("\n", lines));
  }

  @Test
  void textIsTheDefault() throws Exception {
    List<String> lines = runProbe();
    assertTrue(lines.stream().anyMatch(line -> line.contains("WARN") && line.contains(PROBE_MESSAGE)),
      String.join("\n", lines));
    for (String line : lines) {
      assertFalse(line.startsWith("{"), "JSON without asking: " + line);
    }
  }

  /** Runs {@link Probe} in its own JVM on this classpath and returns its stdout lines; stderr only on failure. */
  private static List<String> runProbe(String... jvmOptions) throws Exception {
    List<String> command = new ArrayList<>(List.of(
      Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(), TestRedis.url()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("PARLOR_"));
    Process process = builder.start();
    CompletableFuture<String> stdout = read(process.getInputStream());
    CompletableFuture<String> stderr = read(process.getErrorStream());
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("probe did not exit:\n" + stdout.getNow("") + stderr.getNow(""));
    }
    assertEquals(0, process.exitValue(), stdout.get() + stderr.get());
    return stdout.get().lines().filter(line -> !line.isBlank()).toList();
  }

  private static CompletableFuture<String> read(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    });
  }

  /** A process running one small service without a cluster, which logs an event with a stack trace and stops. */
  public static final class Probe {

    private Probe() {
    }

    public static void main(String[] args) throws Exception {
      JsonObject settings = new JsonObject()
        .put("cluster.enabled", false)
        .put("redis.url", args[0])
        .put("probe.management.port", 0);
      try (ParlorRuntime runtime = ParlorRuntime.start(ConfigSources.of(settings), List.of(new ProbeService()))) {
        LoggerFactory.getLogger(Probe.class).atWarn().addKeyValue("node", runtime.nodeId())
          .setCause(new IllegalStateException("on purpose")).log(PROBE_MESSAGE);
      }
      System.exit(0);
    }
  }
}
