package dev.parlor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicCursorTest {

  @Test
  void eventsInOrderAreDeliveredAtOnce() {
    TopicCursor<String> cursor = new TopicCursor<>();
    cursor.reset("e1", 3);
    assertEquals(List.of("4"), cursor.offer(4, "4"));
    assertEquals(List.of("5"), cursor.offer(5, "5"));
    assertEquals(5, cursor.last());
    assertEquals(0, cursor.duplicates() + cursor.gaps() + cursor.reordered());
  }

  @Test
  void aRepeatedOffsetIsDroppedAndCounted() {
    TopicCursor<String> cursor = new TopicCursor<>();
    cursor.reset("e1", 0);
    cursor.offer(1, "1");
    assertEquals(List.of(), cursor.offer(1, "1 again"));
    assertEquals(List.of(), cursor.offer(0, "older"));
    assertEquals(2, cursor.duplicates());
  }

  @Test
  void anEventAheadWaitsForTheMissingOneThenBothFollowInOrder() {
    TopicCursor<String> cursor = new TopicCursor<>();
    cursor.reset("e1", 2);
    assertEquals(List.of(), cursor.offer(4, "4"));
    assertTrue(cursor.holding());
    assertEquals(List.of("3", "4"), cursor.offer(3, "3"));
    assertFalse(cursor.holding());
    assertEquals(1, cursor.reordered());
    assertEquals(0, cursor.gaps());
  }

  @Test
  void givingUpOnMissingOffsetsCountsThemAsAGap() {
    TopicCursor<String> cursor = new TopicCursor<>();
    cursor.reset("e1", 1);
    cursor.offer(4, "4");
    cursor.offer(5, "5");
    cursor.offer(8, "8");
    assertEquals(List.of("4", "5", "8"), cursor.skipGap());
    assertEquals(2 + 2, cursor.gaps(), "2 and 3, then 6 and 7");
    assertEquals(8, cursor.last());
  }

  @Test
  void eventsHeldBeforeTheSubscribeReplyFollowOnFromItsPosition() {
    TopicCursor<String> cursor = new TopicCursor<>();
    cursor.offer(5, "5");
    cursor.offer(6, "6");
    cursor.offer(3, "3");
    assertEquals(List.of("5", "6"), cursor.reset("e1", 4), "the snapshot covers 3; 5 and 6 follow on");
    assertFalse(cursor.holding());
  }
}
