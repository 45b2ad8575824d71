package dev.parlor.thumbnail.job;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.redis.client.Response;

/**
 * The bytes of a Redis bulk reply without one more copy: the client has already copied the value into an array of
 * its own, which {@code Response.toBytes()} would copy again (2-3 MB for an original photo, on the event loop).
 * Nothing else holds the reply, so its array is handed on as it is; a buffer of another shape is copied.
 */
final class ReplyBytes {

  private ReplyBytes() {
  }

  static byte[] of(Response reply) {
    Buffer buffer = reply.toBuffer();
    if (buffer instanceof BufferInternal internal) {
      ByteBuf bytes = internal.getByteBuf();
      if (bytes.hasArray() && bytes.arrayOffset() == 0 && bytes.array().length == bytes.readableBytes()) {
        return bytes.array();
      }
    }
    return buffer.getBytes();
  }
}
