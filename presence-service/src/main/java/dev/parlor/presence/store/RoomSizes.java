package dev.parlor.presence.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Members of the rooms operators watch ({@code presence.metrics.rooms}), cluster-wide, read from Redis for each
 * beacon; the last reading backs the gauge {@code parlor_presence_members{room}}. Only listed rooms get a label:
 * room names are chosen by clients, so labelling every room would let them grow the metrics without bound.
 */
public final class RoomSizes {

  private final Redis redis;
  private final List<String> rooms;
  private final List<AtomicLong> sizes;

  public RoomSizes(Redis redis, List<String> rooms, MeterRegistry registry) {
    this.redis = redis;
    this.rooms = List.copyOf(rooms);
    this.sizes = this.rooms.stream().map(room -> new AtomicLong(-1)).toList();
    for (int i = 0; i < this.rooms.size(); i++) {
      Gauge.builder("parlor.presence.members", sizes.get(i), v -> v.get() < 0 ? Double.NaN : v.get())
        .description("members of a watched room, cluster-wide").tag("room", this.rooms.get(i)).register(registry);
    }
  }

  /** {@code {members:{room: n}}}, read now. */
  public Future<JsonObject> read() {
    if (rooms.isEmpty()) {
      return Future.succeededFuture(new JsonObject());
    }
    return redis.batch(rooms.stream().map(room -> Request.cmd(Command.HLEN).arg(PresenceKeys.room(room)[0])).toList())
      .map(this::record);
  }

  private JsonObject record(List<Response> responses) {
    JsonObject members = new JsonObject();
    for (int i = 0; i < rooms.size(); i++) {
      long n = responses.get(i).toLong();
      sizes.get(i).set(n);
      members.put(rooms.get(i), n);
    }
    return new JsonObject().put("members", members);
  }
}
