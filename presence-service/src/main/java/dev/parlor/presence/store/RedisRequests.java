package dev.parlor.presence.store;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/** Small builders and readers of Redis requests shared by the presence store. */
final class RedisRequests {

  private RedisRequests() {
  }

  /** {@code EVAL script numkeys keys…}; arguments follow with {@code arg}. */
  static Request eval(String script, String[] keys) {
    Request request = Request.cmd(Command.EVAL).arg(script).arg(keys.length);
    for (String key : keys) {
      request.arg(key);
    }
    return request;
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
