package dev.parlor.runtime.redis;

import static dev.parlor.runtime.redis.RedisFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scripts sent by SHA to a real Redis server, and their text only when the server does not know them. */
class LuaScriptTest {

  private static final LuaScript JOIN = new LuaScript(
    "return KEYS[1] .. '|' .. table.concat(ARGV, ',') .. '|' .. redis.call('INCR', KEYS[1])");

  private static RedisFixture fixture;
  private static Redis redis;

  @BeforeAll
  static void start() throws Exception {
    fixture = RedisFixture.start();
    redis = Redis.createClient(fixture.vertx, fixture.server.url());
  }

  @AfterAll
  static void stop() throws Exception {
    await(redis.close());
    fixture.close();
  }

  @Test
  void aScriptRedisDoesNotKnowIsSentOnceThenOnlyByItsSha() throws Exception {
    await(redis.send(Request.cmd(Command.SCRIPT).arg("FLUSH")));
    await(redis.send(Request.cmd(Command.CONFIG).arg("RESETSTAT")));
    List<Object> args = List.of("text", 42L, Buffer.buffer("buffer"), "bytes".getBytes(StandardCharsets.UTF_8));
    assertEquals("k1|text,42,buffer,bytes|1", await(JOIN.run(redis, List.of("k1"), args)).toString());
    assertEquals("k1|text,42,buffer,bytes|2", await(JOIN.run(redis, List.of("k1"), args)).toString());
    assertEquals("k1|text,42,buffer,bytes|3", await(JOIN.run(redis::send, List.of("k1"), args)).toString());
    String stats = await(redis.send(Request.cmd(Command.INFO).arg("commandstats"))).toString();
    assertEquals(1, calls(stats, "eval"), "the text went once, after the server said NOSCRIPT");
    assertEquals(3, calls(stats, "evalsha"), stats);
  }

  @Test
  void aScriptsOwnErrorReachesTheCallerAndIsNotRetriedAsText() throws Exception {
    LuaScript failing = new LuaScript("return redis.error_reply('NOT_ALLOWED because')");
    await(failing.run(redis, List.of(), List.of()).recover(e -> Future.succeededFuture((Response) null)));
    await(redis.send(Request.cmd(Command.CONFIG).arg("RESETSTAT")));
    ExecutionException thrown = assertThrows(ExecutionException.class,
      () -> await(failing.run(redis, List.of(), List.of())));
    assertTrue(String.valueOf(thrown.getCause().getMessage()).startsWith("NOT_ALLOWED"), thrown.getCause().toString());
    String stats = await(redis.send(Request.cmd(Command.INFO).arg("commandstats"))).toString();
    assertEquals(0, calls(stats, "eval"), stats);
  }

  private static long calls(String commandStats, String command) {
    Matcher matcher = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(commandStats);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
  }
}
