package dev.parlor.gateway.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In order, no gaps, nothing twice: the cursor's decisions for replays and live events. */
class DurableCursorTest {

  private static List<TopicEvent> events(long from, long to) {
    List<TopicEvent> out = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      out.add(new TopicEvent(i, "e" + i));
    }
    return out;
  }

  private static List<Long> offsets(List<TopicEvent> events) {
    return events.stream().map(TopicEvent::offset).toList();
  }

  @Test
  void subscribeWithoutSinceStartsAtTheSnapshot() {
    DurableCursor cursor = new DurableCursor();
    assertEquals(List.of(), cursor.apply(new Snapshot(new JsonObject(), 5, "e", null, List.of()), null));
    assertEquals(DurableCursor.Live.DROP, cursor.live(5));
    assertEquals(DurableCursor.Live.DELIVER, cursor.live(6));
    assertEquals(DurableCursor.Live.GAP, cursor.live(8));
    assertEquals(DurableCursor.Live.DELIVER, cursor.live(7));
  }

  @Test
  void replayAfterSinceThenLiveEventsWithoutRepeats() {
    DurableCursor cursor = new DurableCursor();
    List<TopicEvent> replayed = cursor.apply(new Snapshot(new JsonObject(), 4, "e", true, events(3, 4)), 2L);
    assertEquals(List.of(3L, 4L), offsets(replayed));
    assertEquals(DurableCursor.Live.DROP, cursor.live(4));
    assertEquals(DurableCursor.Live.DELIVER, cursor.live(5));
  }

  @Test
  void resubscribeReplaysOnlyWhatThisSessionNeverHad() {
    DurableCursor cursor = new DurableCursor();
    cursor.apply(new Snapshot(new JsonObject(), 3, "e", null, List.of()), null);
    cursor.live(4);
    cursor.live(5);
    List<TopicEvent> replayed = cursor.apply(new Snapshot(new JsonObject(), 6, "e", true, events(2, 6)), 1L);
    assertEquals(List.of(2L, 3L, 6L), offsets(replayed));
    assertEquals(DurableCursor.Live.DROP, cursor.live(6));
    assertEquals(List.of(), cursor.apply(new Snapshot(new JsonObject(), 6, "e", true, events(1, 6)), 0L).stream()
      .filter(e -> e.offset() != 1).toList());
  }

  @Test
  void unrecoveredAnswerReplaysNothingAndJumpsToTheSnapshot() {
    DurableCursor cursor = new DurableCursor();
    cursor.apply(new Snapshot(new JsonObject(), 2, "e", null, List.of()), null);
    assertEquals(List.of(), cursor.apply(new Snapshot(new JsonObject(), 9, "e", false, List.of()), 1L));
    assertEquals(DurableCursor.Live.DROP, cursor.live(9));
    assertEquals(DurableCursor.Live.DELIVER, cursor.live(10));
  }

  @Test
  void aNewEpochRestartsTheCount() {
    DurableCursor cursor = new DurableCursor();
    cursor.apply(new Snapshot(new JsonObject(), 40, "old", null, List.of()), null);
    cursor.apply(new Snapshot(new JsonObject(), 1, "new", null, List.of()), null);
    assertEquals(DurableCursor.Live.DELIVER, cursor.live(2));
    assertEquals("new", cursor.epoch());
  }

  @Test
  void topicEventIsEncodedOnceWithItsTopic() {
    TopicName game = TopicName.parse("game:g1");
    TopicEvent event = TopicEvent.of(game, new JsonObject().put("event", "game.updated").put("data",
      new JsonObject().put("a", 1)).put("offset", 7));
    assertEquals(new JsonObject().put("type", "event").put("topic", "game:g1").put("event", "game.updated")
      .put("data", new JsonObject().put("a", 1)).put("offset", 7), new JsonObject(event.frame()));
    assertEquals(null, TopicEvent.of(game, new JsonObject().put("event", "x")), "durable events need an offset");
    assertEquals(-1, TopicEvent.of(TopicName.parse("lobby"), new JsonObject().put("event", "x")).offset());
  }

  @Test
  void topicNamesParseToAddresses() {
    assertEquals("parlor.topic.presence.map:a.b", TopicName.parse("presence:map:a.b").address());
    assertEquals("parlor.topic.user.u1", TopicName.parse("user:u1").address());
    assertEquals(null, TopicName.parse("game:a.b"));
    assertEquals(null, TopicName.parse("users:u1"));
  }
}
