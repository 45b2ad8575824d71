package dev.parlor.jobs;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The queue's Lua scripts, each run atomically in Redis: every state transition of a job is one script, so concurrent
 * workers and producers never see half a transition. Sent by SHA, falling back to the full text once after a
 * restart of Redis (NOSCRIPT).
 */
final class Scripts {

  enum Name { ENQUEUE, CLAIM, HEARTBEAT, COMPLETE, FAIL, RELEASE, PROMOTE, RETRY_DEAD, PRUNE_CONSUMER }

  private final Redis redis;
  private final String[] texts = new String[Name.values().length];
  private final String[] shas = new String[Name.values().length];

  Scripts(Redis redis) {
    this.redis = redis;
    String common = load("common");
    for (Name name : Name.values()) {
      String text = common + "\n" + load(name.name().toLowerCase(java.util.Locale.ROOT));
      texts[name.ordinal()] = text;
      shas[name.ordinal()] = sha1(text);
    }
  }

  /** Runs a script with no KEYS and these ARGV (strings, numbers or Buffers). */
  Future<Response> run(Name name, List<Object> args) {
    return redis.send(request(Command.EVALSHA, shas[name.ordinal()], args)).recover(error -> {
      if (String.valueOf(error.getMessage()).startsWith("NOSCRIPT")) {
        return redis.send(request(Command.EVAL, texts[name.ordinal()], args));
      }
      return Future.failedFuture(error);
    });
  }

  private static Request request(Command command, String script, List<Object> args) {
    Request request = Request.cmd(command).arg(script).arg(0);
    for (Object arg : args) {
      if (arg instanceof io.vertx.core.buffer.Buffer buffer) {
        request.arg(buffer);
      } else if (arg instanceof byte[] bytes) {
        request.arg(bytes);
      } else {
        request.arg(String.valueOf(arg));
      }
    }
    return request;
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

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
