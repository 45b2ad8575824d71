package dev.parlor.runtime.config;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * The merged configuration of a process. Every key must have a default in a classpath {@code conf/} file, so reading
 * an undeclared key is a programming error and fails at once instead of silently yielding {@code null}.
 */
public final class ServiceConfig {

  private final JsonObject values;

  public ServiceConfig(JsonObject values) {
    this.values = values;
  }

  public int getInt(String key) {
    return ((Number) require(key)).intValue();
  }

  public long getLong(String key) {
    return ((Number) require(key)).longValue();
  }

  public double getDouble(String key) {
    return ((Number) require(key)).doubleValue();
  }

  public boolean getBoolean(String key) {
    return (Boolean) require(key);
  }

  public String getString(String key) {
    return String.valueOf(require(key));
  }

  /** A comma-separated list; blank entries are dropped. */
  public List<String> getList(String key) {
    return Arrays.stream(getString(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** A copy of every value, for logging and for handing to verticles. */
  public JsonObject toJson() {
    return values.copy();
  }

  private Object require(String key) {
    Object value = values.getValue(key);
    if (value == null) {
      throw new IllegalStateException("No configuration value for '" + key + "': declare its default in a conf/ file");
    }
    return value;
  }
}
