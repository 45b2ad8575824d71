package dev.parlor.thumbnail.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.parlor.testkit.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ReplyBytesTest {

  @Test
  void aLargeValueIsHandedOnWithoutAnotherCopy(Vertx vertx, VertxTestContext ctx) {
    byte[] value = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(value);
    String key = "reply-bytes-" + UUID.randomUUID();
    Redis redis = Redis.createClient(vertx, TestRedis.url());
    redis.send(Request.cmd(Command.SET).arg(key).arg(Buffer.buffer(value)))
      .compose(ok -> redis.send(Request.cmd(Command.GET).arg(key)))
      .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
        byte[] bytes = ReplyBytes.of(reply);
        assertArrayEquals(value, bytes);
        // The same array twice: the reply's own, not a copy.
        assertSame(bytes, ReplyBytes.of(reply));
        ctx.completeNow();
      })));
  }
}
