package dev.parlor.gateway.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parlor.contracts.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A durable event's text header becomes the client frame as it is, the same frame its body would give. */
@ExtendWith(VertxExtension.class)
class TopicEventTest {

  private final TopicName game = TopicName.parse("game:g1");

  @Test
  void theFrameFromTheTextIsTheFrameFromTheBody() {
    // Braces, quotes, an "offset" inside the data (game.rematched has one) and text beyond ASCII.
    JsonObject data = new JsonObject().put("game", new JsonObject().put("name", "Zoë \"}{\" ,\"offset\":9}")
      .put("board", new JsonArray().add("X").add(""))).put("offset", 1);
    JsonObject body = new JsonObject().put("event", "game.rematched").put("data", data).put("offset", 12);

    TopicEvent fromText = TopicEvent.fromText(game, body.encode());
    TopicEvent fromBody = TopicEvent.of(game, body);
    assertEquals(fromBody, fromText);
    assertEquals(12, fromText.offset());
    assertEquals(new JsonObject().put("type", "event").put("topic", "game:g1").put("event", "game.rematched")
      .put("data", data).put("offset", 12), new JsonObject(fromText.frame()));
  }

  @Test
  void aTextOfAnyOtherShapeIsNotUsed() {
    for (String text : new String[] {
      "", "}", "{\"event\":\"e\",\"data\":{}}", "{\"event\":\"e\",\"data\":{},\"offset\":}",
      "{\"event\":\"e\",\"data\":{},\"offset\":\"3\"}", "{\"event\":\"e\",\"data\":{},\"offset\":-3}",
      "{\"event\":\"e\",\"data\":{},\"offset\":3", "{\"data\":{},\"event\":\"e\",\"offset\":3}",
      "{\"event\":\"e\",\"data\":{\"offset\":3}}", "{\"event\":\"e\",\"data\":{},\"offset\":3}  ",
      "{\"event\":\"e\",\"data\":{},\"offset\":12345678901234567890}"}) {
      assertNull(TopicEvent.fromText(game, text), text);
    }
  }

  @Test
  void aPublishedEventIsFramedFromItsHeaderAndOtherwiseFromItsBody(Vertx vertx) throws Exception {
    JsonObject body = new JsonObject().put("event", "game.updated").put("data", new JsonObject().put("n", 1))
      .put("offset", 4);
    String expected = TopicEvent.of(game, body).frame();

    // The header is what the gateway sends on: a header saying n=2 over a body saying n=1 shows which was read.
    JsonObject other = body.copy().put("data", new JsonObject().put("n", 2));
    assertEquals(TopicEvent.of(game, other), framed(vertx, game, body, other.encode()));
    assertEquals(expected, framed(vertx, game, body, null).frame(), "no header: the body");
    assertEquals(expected, framed(vertx, game, body, "{\"n\":2}").frame(), "a header of another shape: the body");
    TopicName lobby = TopicName.parse("lobby");
    assertEquals(TopicEvent.of(lobby, body), framed(vertx, lobby, body, other.encode()),
      "topics without offsets: the body");
  }

  private static TopicEvent framed(Vertx vertx, TopicName topic, JsonObject body, String text) throws Exception {
    CompletableFuture<TopicEvent> framed = new CompletableFuture<>();
    var consumer = vertx.eventBus().<JsonObject>consumer("test.topic-event",
      (Message<JsonObject> message) -> framed.complete(TopicEvent.of(topic, message)));
    consumer.completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    DeliveryOptions options = new DeliveryOptions();
    if (text != null) {
      options.addHeader(Addresses.Topics.TEXT_HEADER, text);
    }
    vertx.eventBus().publish("test.topic-event", body, options);
    try {
      return framed.get(5, TimeUnit.SECONDS);
    } finally {
      consumer.unregister();
    }
  }
}
