package dev.parlor.gateway;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Hand-made WebSocket frames, for peers that must misbehave in ways a real client library will not. */
final class RawWebSocket {

  private RawWebSocket() {
  }

  /** One final, masked text frame (clients must mask). */
  static Buffer maskedText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = {1, 2, 3, 4};
    Buffer frame = Buffer.buffer().appendByte((byte) 0x81);
    if (payload.length < 126) {
      frame.appendByte((byte) (0x80 | payload.length));
    } else {
      frame.appendByte((byte) (0x80 | 126)).appendShort((short) payload.length);
    }
    frame.appendBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.appendByte((byte) (payload[i] ^ mask[i % 4]));
    }
    return frame;
  }
}
