package dev.parlor.presence.store;

import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for the presence store's Redis requests and replies. */
final class RedisRequests {

  private RedisRequests() {
  }

  /** How the set script treats a part: {@code k} keep (omitted), {@code c} clear (null), {@code s} set. */
  static String mode(boolean sets, Object value) {
    return !sets ? "k" : value == null ? "c" : "s";
  }

  static List<String> strings(Response array) {
    List<String> values = new ArrayList<>(array.size());
    array.forEach(value -> values.add(value.toString()));
    return values;
  }
}
