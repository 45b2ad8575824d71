package dev.parlor.thumbnail.image;

import java.util.Map;

/** Bytes in, encoded thumbnails by box size out; refuses bad inputs with a stable code. Blocking, CPU-heavy. */
public interface Thumbnailer {

  Map<Integer, Encoder.Encoded> make(byte[] data) throws ImageRejected;
}
