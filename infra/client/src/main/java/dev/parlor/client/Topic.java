package dev.parlor.client;

import io.vertx.core.Handler;

/** What a session keeps about one topic it follows: who gets its events, and for a durable one, the cursor. */
final class Topic {

  final String name;
  Handler<TopicEvent> handler;
  TopicCursor<TopicEvent> cursor;
  /** The offset the application asked to follow from, for a resume before any subscribe was answered. */
  Long requestedSince;
  /** A subscribe for this topic is in flight: replayed events may still be on their way. */
  boolean subscribing;
  Lane.Scheduled gapCheck;
  /** Failed automatic resubscribes in a row (their retries back off); 0 once one is answered. */
  int resumeFailures;

  Topic(String name) {
    this.name = name;
  }

  TopicCursor<TopicEvent> cursor() {
    if (cursor == null) {
      cursor = new TopicCursor<>();
    }
    return cursor;
  }
}
