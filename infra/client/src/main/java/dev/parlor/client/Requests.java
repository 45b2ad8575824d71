package dev.parlor.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ops of one session waiting for their {@code reply} or {@code error}, by id. Each has a deadline in the lane's
 * heap; the first of answer, timeout or disconnect settles it, the others find nothing to do.
 */
final class Requests {

  private final Lane lane;
  private final long timeoutMs;
  private final ClientStats stats;
  private final Map<String, Waiting> waiting = new HashMap<>(4);
  private long nextId;

  private record Waiting(Promise<JsonObject> promise, Lane.Scheduled deadline) {
  }

  Requests(Lane lane, long timeoutMs, ClientStats stats) {
    this.lane = lane;
    this.timeoutMs = timeoutMs;
    this.stats = stats;
  }

  /** A fresh id whose answer completes the returned future; call on the lane. */
  String open(Promise<JsonObject> promise) {
    String id = Long.toString(++nextId, 36);
    waiting.put(id, new Waiting(promise, lane.schedule(timeoutMs, () -> expire(id))));
    return id;
  }

  private void expire(String id) {
    Waiting expired = waiting.remove(id);
    if (expired != null) {
      stats.timeouts.increment();
      expired.promise.tryFail(new ClientError(ClientError.TIMEOUT, "no answer within " + timeoutMs + " ms"));
    }
  }

  /** Settles request {@code id}; false if nothing waited for it (late, or not ours). */
  boolean answer(String id, JsonObject result, ClientError error) {
    Waiting answered = id == null ? null : waiting.remove(id);
    if (answered == null) {
      return false;
    }
    answered.deadline.cancel();
    if (error == null) {
      answered.promise.tryComplete(result == null ? new JsonObject() : result);
    } else {
      answered.promise.tryFail(error);
    }
    return true;
  }

  /** Fails every waiting request, e.g. when the connection is gone. */
  void failAll(ClientError error) {
    if (waiting.isEmpty()) {
      return;
    }
    List<Waiting> all = new ArrayList<>(waiting.values());
    waiting.clear();
    for (Waiting w : all) {
      w.deadline.cancel();
      w.promise.tryFail(error);
    }
  }

  static <T> Future<T> failed(String code, String message) {
    return Future.failedFuture(new ClientError(code, message));
  }
}
