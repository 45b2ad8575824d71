package dev.parlor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TopicEventTest {

  private static final JsonObject DATA = new JsonObject()
    .put("action", new JsonObject().put("type", "move").put("move", new JsonObject().put("column", 3)))
    .put("game", new JsonObject().put("name", "a \"quoted\" {brace} ] and é").put("board", java.util.List.of("", "R")));

  @Test
  void readsTheEnvelopeAndGivesTheDataAsTheWholeFrameWouldHave() {
    String text = new JsonObject().put("type", "event").put("topic", "game:g1").put("event", "game.updated")
      .put("data", DATA).put("offset", 42).encode();
    TopicEvent event = TopicEvent.fromText(text);
    assertEquals("game:g1", event.topic());
    assertEquals("game.updated", event.event());
    assertEquals(42, event.offset());
    assertEquals(DATA, event.data());
    assertEquals(TopicEvent.fromFrame(new JsonObject(text)).data(), event.data());
  }

  @Test
  void anyOrderOfMembersAndTopicsWithoutOffsets() {
    String text = "{\"data\":" + DATA.encode() + ", \"extra\": [1, {\"x\": 2}], \"event\":\"presence.diff\","
      + " \"topic\":\"presence:lobby\", \"type\":\"event\"}";
    TopicEvent event = TopicEvent.fromText(text);
    assertEquals("presence:lobby", event.topic());
    assertEquals(-1, event.offset());
    assertFalse(event.durable());
    assertEquals(DATA, event.data());
  }

  @Test
  void anythingElseIsLeftToTheWholeReading() {
    assertNull(TopicEvent.fromText("{\"type\":\"reply\",\"re\":\"1\",\"result\":{}}"));
    assertNull(TopicEvent.fromText("{\"type\":\"event\",\"topic\":\"t\",\"event\":\"e\",\"data\":[1]}"));
    assertNull(TopicEvent.fromText("{\"type\":\"event\",\"topic\":\"t\",\"event\":\"e\"}"));
    assertNull(TopicEvent.fromText("{\"type\":\"event\",\"topic\":\"t\",\"event\":\"e\",\"data\":{}"));
    assertNull(TopicEvent.fromText("{\"type\":\"event\",\"topic\":\"t\",\"event\":\"e\",\"data\":{}} trailing"));
    assertNull(TopicEvent.fromText("not json"));
    assertNull(TopicEvent.fromText("[]"));
  }
}
