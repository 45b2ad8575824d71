package dev.parlor.runtime.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one {@link ConfigRetriever} chain every service uses: classpath defaults, then an optional file, then
 * listed {@code PARLOR_*} environment variables, then {@code parlor.*} system properties. A key exists only if a
 * default declares it; environment values are read with the type of that default.
 */
public final class ConfigLoader {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
  private static final String ENV_PREFIX = "PARLOR_";
  private static final String PROPERTY_PREFIX = "parlor.";

  private ConfigLoader() {
  }

  /** The environment variable that sets a key: {@code gateway.http.port} → {@code PARLOR_GATEWAY_HTTP_PORT}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The system property that sets a key: {@code gateway.http.port} → {@code parlor.gateway.http.port}. */
  public static String propertyName(String key) {
    return PROPERTY_PREFIX + key;
  }

  /** Reads {@code conf/<name>.json} for each name from the classpath and merges them, later names winning. */
  public static JsonObject classpathDefaults(List<String> names) {
    JsonObject merged = new JsonObject();
    for (String name : names) {
      String resource = "conf/" + name + ".json";
      try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("Missing classpath resource " + resource);
        }
        merged.mergeIn(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return merged;
  }

  /** Loads the configuration of a process whose defaults are {@code defaults}. */
  public static Future<ServiceConfig> load(Vertx vertx, JsonObject defaults, ConfigSources sources) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false).setScanPeriod(0)
      .addStore(json(defaults));
    if (sources.file() != null && !sources.file().isBlank()) {
      options.addStore(new ConfigStoreOptions().setType("file").setFormat("json")
        .setConfig(new JsonObject().put("path", sources.file())));
    }
    try {
      options.addStore(json(overrides(defaults, sources.env(), ConfigLoader::envName)));
      options.addStore(json(overrides(defaults, sources.systemProperties(), ConfigLoader::propertyName)));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    options.addStore(json(sources.overrides()));
    reportUnknownVariables(defaults, sources.env());
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
      .map(ServiceConfig::new)
      .andThen(done -> retriever.close());
  }

  /** The names of {@code PARLOR_*} variables that set no key of this process. */
  public static TreeSet<String> unknownVariables(JsonObject defaults, Map<String, String> env) {
    TreeSet<String> known = new TreeSet<>();
    defaults.fieldNames().forEach(key -> known.add(envName(key)));
    known.add(ConfigSources.CONFIG_FILE_ENV);
    known.add("PARLOR_LOG_LEVEL");
    known.add("PARLOR_LOG_FORMAT");
    TreeSet<String> unknown = new TreeSet<>();
    env.keySet().stream().filter(name -> name.startsWith(ENV_PREFIX) && !known.contains(name)).forEach(unknown::add);
    return unknown;
  }

  private static void reportUnknownVariables(JsonObject defaults, Map<String, String> env) {
    for (String name : unknownVariables(defaults, env)) {
      LOG.warn("Ignoring environment variable {}: it is not a setting of this process (see docs/configuration.md)",
        name);
    }
  }

  private static JsonObject overrides(JsonObject defaults, Map<String, String> source,
                                      java.util.function.Function<String, String> nameOf) {
    JsonObject result = new JsonObject();
    for (String key : defaults.fieldNames()) {
      String raw = source.get(nameOf.apply(key));
      if (raw != null) {
        result.put(key, coerce(key, defaults.getValue(key), raw, nameOf.apply(key)));
      }
    }
    return result;
  }

  /** Reads a text value with the type of the key's default, failing with a message that names the variable. */
  static Object coerce(String key, Object defaultValue, String raw, String source) {
    String text = raw.trim();
    try {
      if (defaultValue instanceof Integer || defaultValue instanceof Long) {
        return Long.parseLong(text);
      }
      if (defaultValue instanceof Number) {
        return Double.parseDouble(text);
      }
      if (defaultValue instanceof Boolean) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("expected true or false");
      }
      if (defaultValue instanceof JsonArray) {
        return new JsonArray(List.of(text.split("\\s*,\\s*")));
      }
      return raw;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
        "Invalid value '" + raw + "' for " + source + " (" + key + "): " + e.getMessage(), e);
    }
  }

  private static ConfigStoreOptions json(JsonObject config) {
    return new ConfigStoreOptions().setType("json").setConfig(config);
  }
}
