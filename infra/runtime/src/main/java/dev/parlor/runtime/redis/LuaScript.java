package dev.parlor.runtime.redis;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A Lua script run atomically by Redis. Sent by its SHA-1 ({@code EVALSHA}), so each call carries only its keys and
 * arguments and Redis neither receives nor hashes the text again; a server that does not know it yet (fresh or
 * restarted) gets the text once ({@code EVAL}).
 */
public final class LuaScript {

  private final String text;
  private final String sha;

  public LuaScript(String text) {
    this.text = text;
    try {
      this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the script with these KEYS and ARGV (strings, Buffers, byte arrays, or anything else as its text). */
  public Future<Response> run(Redis redis, List<String> keys, List<?> args) {
    return run(redis::send, keys, args);
  }

  /** The same, through another way of sending (a dedicated connection). */
  public Future<Response> run(Function<Request, Future<Response>> send, List<String> keys, List<?> args) {
    return send.apply(request(Command.EVALSHA, sha, keys, args)).recover(e -> {
      if (String.valueOf(e.getMessage()).startsWith("NOSCRIPT")) {
        return send.apply(request(Command.EVAL, text, keys, args));
      }
      return Future.failedFuture(e);
    });
  }

  private static Request request(Command command, String script, List<String> keys, List<?> args) {
    Request request = Request.cmd(command).arg(script).arg(keys.size());
    keys.forEach(request::arg);
    for (Object arg : args) {
      if (arg instanceof String s) {
        request.arg(s);
      } else if (arg instanceof Buffer buffer) {
        request.arg(buffer);
      } else if (arg instanceof byte[] bytes) {
        request.arg(bytes);
      } else {
        request.arg(String.valueOf(arg));
      }
    }
    return request;
  }
}
