package dev.parlor.presence;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one asynchronous step per item, a bounded number at a time: a dead gateway may hold thousands of sessions, and
 * firing them all at once would overflow the Redis client's waiting queue.
 */
public final class Batches {

  public static final int WIDTH = 64;

  private Batches() {
  }

  public static <T, R> Future<List<R>> each(List<T> items, Function<T, Future<R>> step) {
    List<R> results = new ArrayList<>(items.size());
    return chunk(items, 0, step, results).map(done -> results);
  }

  private static <T, R> Future<Void> chunk(List<T> items, int from, Function<T, Future<R>> step, List<R> results) {
    if (from >= items.size()) {
      return Future.succeededFuture();
    }
    List<Future<R>> running = new ArrayList<>();
    for (T item : items.subList(from, Math.min(items.size(), from + WIDTH))) {
      running.add(step.apply(item));
    }
    return Future.all(running).compose(all -> {
      running.forEach(f -> results.add(f.result()));
      return chunk(items, from + WIDTH, step, results);
    });
  }
}
