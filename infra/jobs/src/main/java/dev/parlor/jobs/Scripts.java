package dev.parlor.jobs;

import dev.parlor.runtime.redis.LuaScript;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The queue's Lua scripts, each run atomically in Redis: every state transition of a job is one script, so concurrent
 * workers and producers never see half a transition. Sent by SHA, falling back to the full text once after a
 * restart of Redis (NOSCRIPT).
 */
final class Scripts {

  enum Name { ENQUEUE, CLAIM, HEARTBEAT, COMPLETE, FAIL, RELEASE, PROMOTE, RETRY_DEAD, PRUNE_CONSUMER }

  private final Redis redis;
  private final LuaScript[] scripts = new LuaScript[Name.values().length];

  Scripts(Redis redis) {
    this.redis = redis;
    String common = load("common");
    for (Name name : Name.values()) {
      scripts[name.ordinal()] = new LuaScript(common + "\n" + load(name.name().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  /** Runs a script with no KEYS and these ARGV (strings, numbers or Buffers). */
  Future<Response> run(Name name, List<Object> args) {
    return scripts[name.ordinal()].run(redis, List.of(), args);
  }

  private static String load(String name) {
    try (InputStream in = Scripts.class.getResourceAsStream(name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("missing script " + name + ".lua");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
