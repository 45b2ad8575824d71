package dev.parlor.gateway.media;

import io.vertx.core.buffer.Buffer;

/** Collects an upload body chunk by chunk and says when it passes the limit, so no more than the limit is held. */
final class BodyLimit {

  private final long maxBytes;
  private final Buffer body = Buffer.buffer();
  private boolean exceeded;

  BodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Adds a chunk; {@code false} (and the body is dropped) once the total passes the limit. */
  boolean add(Buffer chunk) {
    if (exceeded) {
      return false;
    }
    if (body.length() + (long) chunk.length() > maxBytes) {
      exceeded = true;
      return false;
    }
    body.appendBuffer(chunk);
    return true;
  }

  boolean exceeded() {
    return exceeded;
  }

  Buffer body() {
    return body;
  }
}
