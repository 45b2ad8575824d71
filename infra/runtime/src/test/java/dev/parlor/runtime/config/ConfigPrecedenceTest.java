package dev.parlor.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPrecedenceTest {

  private static Vertx vertx;
  private static final JsonObject DEFAULTS = ConfigLoader.classpathDefaults(List.of("common", "sample"));

  @TempDir
  Path dir;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close();
  }

  private ServiceConfig load(ConfigSources sources) throws Exception {
    return ConfigLoader.load(vertx, DEFAULTS, sources).toCompletionStage().toCompletableFuture()
      .get(10, TimeUnit.SECONDS);
  }

  private Path file(JsonObject content) throws Exception {
    Path path = dir.resolve("parlor.json");
    Files.writeString(path, content.encode());
    return path;
  }

  @Test
  void defaultsComeFromClasspathFiles() throws Exception {
    ServiceConfig config = load(new ConfigSources(null, Map.of(), Map.of(), new JsonObject()));
    assertEquals("hello", config.getString("sample.greeting"));
    assertEquals(10, config.getInt("sample.limit"));
    assertEquals("parlor", config.getString(CommonSettings.CLUSTER_NAME));
  }

  @Test
  void fileOverridesDefaults() throws Exception {
    Path path = file(new JsonObject().put("sample.greeting", "from file").put("sample.limit", 20));
    ServiceConfig config = load(new ConfigSources(path.toString(), Map.of(), Map.of(), new JsonObject()));
    assertEquals("from file", config.getString("sample.greeting"));
    assertEquals(20, config.getInt("sample.limit"));
    assertEquals(0.5, config.getDouble("sample.ratio"));
  }

  @Test
  void environmentOverridesFileAndKeepsTheDefaultsType() throws Exception {
    Path path = file(new JsonObject().put("sample.greeting", "from file").put("sample.limit", 20));
    ServiceConfig config = load(new ConfigSources(path.toString(),
      Map.of("PARLOR_SAMPLE_LIMIT", "30", "PARLOR_SAMPLE_ENABLED", "true", "PARLOR_SAMPLE_RATIO", "0.25"),
      Map.of(), new JsonObject()));
    assertEquals("from file", config.getString("sample.greeting"));
    assertEquals(30, config.getInt("sample.limit"));
    assertTrue(config.getBoolean("sample.enabled"));
    assertEquals(0.25, config.getDouble("sample.ratio"));
  }

  @Test
  void systemPropertiesOverrideEnvironment() throws Exception {
    ServiceConfig config = load(new ConfigSources(null, Map.of("PARLOR_SAMPLE_LIMIT", "30"),
      Map.of("parlor.sample.limit", "40"), new JsonObject()));
    assertEquals(40, config.getInt("sample.limit"));
  }

  @Test
  void aBadEnvironmentValueFailsNamingTheVariable() {
    ExecutionException failure = assertThrows(ExecutionException.class, () -> load(new ConfigSources(null,
      Map.of("PARLOR_SAMPLE_LIMIT", "lots"), Map.of(), new JsonObject())));
    assertTrue(failure.getCause().getMessage().contains("PARLOR_SAMPLE_LIMIT"), failure.getCause().getMessage());
  }

  @Test
  void unknownParlorVariablesAreReported() {
    var unknown = ConfigLoader.unknownVariables(DEFAULTS,
      Map.of("PARLOR_SAMPLE_LIMTI", "3", "PARLOR_SAMPLE_LIMIT", "3", "PARLOR_CONFIG", "x", "PARLOR_LOG_FORMAT", "json",
        "HOME", "/root"));
    assertEquals(List.of("PARLOR_SAMPLE_LIMTI"), List.copyOf(unknown));
  }

  @Test
  void readingAnUndeclaredKeyFailsLoudly() throws Exception {
    ServiceConfig config = load(ConfigSources.of(new JsonObject()));
    assertThrows(IllegalStateException.class, () -> config.getString("sample.nope"));
    assertFalse(config.toJson().containsKey("sample.nope"));
  }

  @Test
  void envNamesFollowTheKey() {
    assertEquals("PARLOR_GATEWAY_HTTP_PORT", ConfigLoader.envName("gateway.http.port"));
    assertEquals("PARLOR_REDIS_EMBEDDED_APPENDONLY", ConfigLoader.envName("redis.embedded.appendonly"));
    assertEquals("PARLOR_CLUSTER_PUBLIC_HOST", ConfigLoader.envName("cluster.public-host"));
  }
}
