package dev.parlor.game.play;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicSequencerTest {

  private final TopicSequencer<String> sequencer = new TopicSequencer<>();

  @Test
  void loneWriteIsPublishedAtOnce() {
    sequencer.writing("g");
    assertEquals(List.of("e5"), sequencer.written("g", 5, "e5"));
    assertEquals(0, sequencer.size());
  }

  @Test
  void laterOffsetAnsweredFirstWaitsForTheEarlierWrite() {
    sequencer.writing("g");
    sequencer.writing("g");
    assertEquals(List.of(), sequencer.written("g", 8, "e8"));
    assertEquals(List.of("e7", "e8"), sequencer.written("g", 7, "e7"));
    assertEquals(0, sequencer.size());
  }

  @Test
  void conflictingWriteReleasesWhatItHeldBack() {
    sequencer.writing("g");
    sequencer.writing("g");
    assertEquals(List.of(), sequencer.written("g", 3, "e3"));
    assertEquals(List.of("e3"), sequencer.written("g", 0, null));
  }

  @Test
  void gamesDoNotWaitForEachOther() {
    sequencer.writing("a");
    sequencer.writing("b");
    assertEquals(List.of("b1"), sequencer.written("b", 1, "b1"));
    assertEquals(List.of("a4"), sequencer.written("a", 4, "a4"));
  }
}
