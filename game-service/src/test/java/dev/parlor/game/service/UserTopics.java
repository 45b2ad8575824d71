package dev.parlor.game.service;

import dev.parlor.contracts.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The gateway's side of {@code parlor.user.publish}, reduced to recording what each user was sent. */
final class UserTopics implements AutoCloseable {

  final Map<String, List<JsonObject>> byUser = new ConcurrentHashMap<>();
  final AtomicInteger refuseNext = new AtomicInteger();
  private final AtomicInteger offsets = new AtomicInteger();
  private final MessageConsumer<JsonObject> consumer;

  UserTopics(Vertx vertx) {
    consumer = vertx.eventBus().consumer(Addresses.Gateway.USER_PUBLISH, message -> {
      if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        message.fail(5030, "gateway restarting");
        return;
      }
      JsonObject body = message.body();
      byUser.computeIfAbsent(body.getString("userId"), id -> new CopyOnWriteArrayList<>()).add(body);
      message.reply(new JsonObject().put("offset", offsets.incrementAndGet()));
    });
    GameBus.await(consumer.completion());
  }

  List<JsonObject> of(String userId) {
    return byUser.getOrDefault(userId, List.of());
  }

  @Override
  public void close() {
    GameBus.await(consumer.unregister());
  }
}
