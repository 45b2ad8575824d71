package dev.parlor.game.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run atomically by Redis. Sent by its SHA-1 ({@code EVALSHA}) so each call carries only its arguments;
 * a server that does not know it yet (fresh or restarted) gets the text once ({@code EVAL}).
 */
public final class LuaScript {

  private final String text;
  private final String sha;

  public LuaScript(String text) {
    this.text = text;
    try {
      this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Future<Response> run(Redis redis, List<String> keys, List<String> args) {
    return redis.send(request(Command.EVALSHA, sha, keys, args)).recover(e -> {
      if (String.valueOf(e.getMessage()).startsWith("NOSCRIPT")) {
        return redis.send(request(Command.EVAL, text, keys, args));
      }
      return Future.failedFuture(e);
    });
  }

  private static Request request(Command command, String script, List<String> keys, List<String> args) {
    Request request = Request.cmd(command).arg(script).arg(keys.size());
    keys.forEach(request::arg);
    args.forEach(request::arg);
    return request;
  }
}
