package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.runtime.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/configuration.md stays true: every key a service declares is listed there with its default. */
class ConfigurationDocumentedTest {

  private static final List<String> SERVICES = List.of("common", "gateway", "game", "presence", "thumbnail");

  @Test
  void everyDeclaredKeyIsDocumentedWithItsDefault() throws Exception {
    String docs = Files.readString(Path.of(System.getProperty("user.dir")).getParent().getParent()
      .resolve("docs/configuration.md"));
    JsonObject defaults = ConfigLoader.classpathDefaults(SERVICES);
    TreeSet<String> missing = new TreeSet<>();
    for (String key : defaults.fieldNames()) {
      Object value = defaults.getValue(key);
      String row = "| `" + key + "` | `" + (value instanceof String s ? (s.isEmpty() ? "\"\"" : s) : value) + "` |";
      if (!docs.contains(row)) {
        missing.add(row);
      }
    }
    assertTrue(missing.isEmpty(), "docs/configuration.md lacks these rows (key and default):\n"
      + String.join("\n", missing));
  }
}
