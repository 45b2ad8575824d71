package dev.parlor.runtime.config;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Where configuration comes from, in rising precedence: classpath defaults, an optional file, {@code PARLOR_*}
 * environment variables, {@code parlor.*} system properties, and (tests only) explicit overrides.
 */
public record ConfigSources(String file, Map<String, String> env, Map<String, String> systemProperties,
                            JsonObject overrides) {

  /** Environment variable naming the optional configuration file, when no file is given on the command line. */
  public static final String CONFIG_FILE_ENV = "PARLOR_CONFIG";

  /** The real process: {@code --config FILE} (or the first argument, or {@code PARLOR_CONFIG}), env and properties. */
  public static ConfigSources fromProcess(String[] args) {
    String file = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        file = args[++i];
      } else if (args[i].startsWith("--config=")) {
        file = args[i].substring("--config=".length());
      } else if (!args[i].startsWith("-")) {
        file = args[i];
      }
    }
    if (file == null) {
      file = System.getenv(CONFIG_FILE_ENV);
    }
    Map<String, String> props = new java.util.HashMap<>();
    System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
    return new ConfigSources(file, System.getenv(), props, new JsonObject());
  }

  /** Only defaults and the given overrides: what tests use, so the machine's environment cannot leak in. */
  public static ConfigSources of(JsonObject overrides) {
    return new ConfigSources(null, Map.of(), Map.of(), overrides);
  }
}
