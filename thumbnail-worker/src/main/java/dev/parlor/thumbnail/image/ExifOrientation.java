package dev.parlor.thumbnail.image;

/**
 * Reads the orientation tag (0x0112) from the TIFF structure of an EXIF block. A broken EXIF block only loses the
 * orientation (1, as stored): metadata never decides whether an image is usable.
 */
final class ExifOrientation {

  private static final int TAG_ORIENTATION = 0x0112;

  private ExifOrientation() {
  }

  /** The orientation in the TIFF data at {@code [start, start + length)} of {@code data}; 1 when absent or bad. */
  static int read(byte[] data, int start, int length) {
    try {
      int end = Math.min(data.length, start + length);
      byte[] tiff = java.util.Arrays.copyOfRange(data, start, end);
      Bytes b = new Bytes(tiff);
      boolean little;
      if (b.startsWith(0, "II")) {
        little = true;
      } else if (b.startsWith(0, "MM")) {
        little = false;
      } else {
        return 1;
      }
      long ifd = little ? b.u32le(4) : b.u32be(4);
      if (ifd < 8 || ifd > tiff.length) {
        return 1;
      }
      int count = little ? b.u16le((int) ifd) : b.u16be((int) ifd);
      for (int i = 0; i < count; i++) {
        int entry = (int) ifd + 2 + i * 12;
        int tag = little ? b.u16le(entry) : b.u16be(entry);
        if (tag == TAG_ORIENTATION) {
          int value = little ? b.u16le(entry + 8) : b.u16be(entry + 8);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    } catch (ImageRejected e) {
      return 1;
    }
  }
}
