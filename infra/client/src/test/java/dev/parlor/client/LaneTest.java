package dev.parlor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LaneTest {

  @Test
  void aDeadlineThatThrowsDoesNotHoldBackTheOthersDueInTheSameSweep() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Lane lane = new Lane(60_000); // the periodic never fires during the test: the sweep is called by hand
      vertx.deployVerticle(lane).await(10, TimeUnit.SECONDS);
      CompletableFuture<List<String>> ran = new CompletableFuture<>();
      lane.context().runOnContext(v -> {
        List<String> order = new ArrayList<>();
        lane.schedule(0, () -> order.add("first"));
        lane.schedule(0, () -> {
          throw new IllegalStateException("a session's bug");
        });
        lane.schedule(0, () -> order.add("third"));
        lane.schedule(60_000, () -> order.add("not yet due"));
        try {
          Thread.sleep(2);
          lane.sweep();
          ran.complete(order);
        } catch (Throwable e) {
          ran.completeExceptionally(e);
        }
      });
      assertEquals(List.of("first", "third"), ran.get(10, TimeUnit.SECONDS));
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
