package dev.parlor.gateway.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One consumer per topic, shared by its listeners, gone with the last; each event encoded once for all. */
@ExtendWith(VertxExtension.class)
class TopicHubTest {

  @Test
  void listenersShareOneConsumerAndOneEncodedFrame(Vertx vertx, VertxTestContext ctx) {
    vertx.runOnContext(v -> {
      TopicHub hub = new TopicHub(vertx.eventBus());
      TopicName lobby = TopicName.parse("lobby");
      List<TopicEvent> first = new ArrayList<>();
      List<TopicEvent> second = new ArrayList<>();
      TopicHub.Listener a = first::add;
      TopicHub.Listener[] b = new TopicHub.Listener[1];
      // Listeners are called in turn on the event loop: when the second has the event, the first has it too.
      b[0] = event -> {
        second.add(event);
        ctx.verify(() -> {
          assertEquals(1, hub.topics());
          assertEquals(2, hub.listeners("lobby"));
          assertEquals(1, first.size());
          assertSame(first.get(0).frame(), second.get(0).frame(), "encoded once, shared by every listener");
          hub.remove(lobby, a);
          assertEquals(1, hub.topics());
          hub.remove(lobby, b[0]);
          assertEquals(0, hub.topics(), "the last listener removes the consumer");
          ctx.completeNow();
        });
      };
      hub.add(lobby, a).compose(x -> hub.add(lobby, b[0])).onComplete(ctx.succeeding(x -> vertx.eventBus()
        .publish("parlor.topic.lobby", new JsonObject().put("event", "lobby.opened").put("data", new JsonObject()))));
    });
  }
}
