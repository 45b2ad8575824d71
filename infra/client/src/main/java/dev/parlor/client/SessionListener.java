package dev.parlor.client;

import io.vertx.core.json.JsonObject;

/** What a session tells its owner, on the session's event loop. Every method has a no-op default. */
public interface SessionListener {

  /** A welcome: the first ({@code resumed} false) or after a reconnect. */
  default void welcomed(JsonObject welcome, boolean resumed) {
  }

  /** An event on a topic without its own handler (the user topic, unless one was given). */
  default void event(TopicEvent event) {
  }

  /** A topic's subscribe after a reconnect was answered; with {@code recovered} false the snapshot is all there is. */
  default void resumed(String topic, boolean recovered, JsonObject reply) {
  }

  /**
   * Offsets {@code from}–{@code to} of a durable topic never came (waited for {@code SessionTopics.GAP_WAIT_MS}), and
   * delivery moved on past them: a broken guarantee worth reporting.
   */
  default void gap(String topic, long from, long to) {
  }

  /** The connection went away; a reconnect follows unless {@code willRetry} is false. */
  default void disconnected(int code, String reason, boolean willRetry) {
  }

  /** An error frame that answers no request ({@code re: null}). */
  default void error(ClientError error) {
  }

  /** A server frame this client does not know; kept for protocol additions. */
  default void unknownFrame(JsonObject frame) {
  }
}
