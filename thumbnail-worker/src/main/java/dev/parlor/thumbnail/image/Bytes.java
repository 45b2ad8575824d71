package dev.parlor.thumbnail.image;

/** Bounds-checked reads of a byte array: every read past the end is a truncated image, never an exception. */
final class Bytes {

  private final byte[] data;

  Bytes(byte[] data) {
    this.data = data;
  }

  int length() {
    return data.length;
  }

  int u8(int at) throws ImageRejected {
    need(at, 1);
    return data[at] & 0xFF;
  }

  int u16be(int at) throws ImageRejected {
    need(at, 2);
    return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
  }

  int u16le(int at) throws ImageRejected {
    need(at, 2);
    return data[at] & 0xFF | (data[at + 1] & 0xFF) << 8;
  }

  int u24le(int at) throws ImageRejected {
    need(at, 3);
    return data[at] & 0xFF | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16;
  }

  long u32be(int at) throws ImageRejected {
    need(at, 4);
    return (long) u16be(at) << 16 | u16be(at + 2);
  }

  long u32le(int at) throws ImageRejected {
    need(at, 4);
    return u16le(at) | (long) u16le(at + 2) << 16;
  }

  boolean startsWith(int at, String ascii) {
    if (at < 0 || at + ascii.length() > data.length) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if ((data[at + i] & 0xFF) != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  boolean startsWith(int at, int... values) {
    if (at < 0 || at + values.length > data.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if ((data[at + i] & 0xFF) != values[i]) {
        return false;
      }
    }
    return true;
  }

  void need(long at, long count) throws ImageRejected {
    if (at < 0 || count < 0 || at + count > data.length) {
      throw ImageRejected.corrupt("image data ends early (truncated at byte " + data.length + ")");
    }
  }
}
