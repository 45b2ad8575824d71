package dev.parlor.thumbnail.image;

/**
 * Walks JPEG marker segments up to the first scan: the frame header (SOFn) gives the size, APP1 "Exif" the
 * orientation. Entropy-coded data can never contain FF D9 (FF is stuffed), so an image whose last FF D9 is missing
 * after the scan start was cut short.
 */
final class JpegStructure {

  private JpegStructure() {
  }

  static ImageInfo parse(Bytes b, byte[] data, ImageLimits limits) throws ImageRejected {
    int pos = 2;
    int width = -1;
    int height = -1;
    int orientation = 1;
    while (true) {
      if (b.u8(pos) != 0xFF) {
        throw ImageRejected.corrupt("JPEG marker expected at byte " + pos);
      }
      int marker = b.u8(pos + 1);
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
        pos += 2;
        continue;
      }
      if (marker == 0xD9) {
        throw ImageRejected.corrupt("JPEG ends before any image data");
      }
      int length = b.u16be(pos + 2);
      if (length < 2) {
        throw ImageRejected.corrupt("JPEG segment with bad length");
      }
      b.need(pos + 2, length);
      if (isFrameHeader(marker)) {
        height = b.u16be(pos + 5);
        width = b.u16be(pos + 7);
        if (height == 0) {
          throw ImageRejected.unsupported("JPEG with its height defined later (DNL) is not supported");
        }
        limits.check(width, height);
      } else if (marker == 0xE1 && b.startsWith(pos + 4, "Exif") && length > 8) {
        orientation = ExifOrientation.read(data, pos + 10, length - 8);
      } else if (marker == 0xDA) {
        if (width < 0) {
          throw ImageRejected.corrupt("JPEG scan before its frame header");
        }
        if (!endsWithEoi(data, pos + 2 + length)) {
          throw ImageRejected.corrupt("JPEG data ends early (no end-of-image marker)");
        }
        return new ImageInfo(ImageFormat.JPEG, width, height, 1, orientation);
      }
      pos += 2 + length;
    }
  }

  private static boolean isFrameHeader(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static boolean endsWithEoi(byte[] data, int from) {
    for (int i = data.length - 2; i >= from; i--) {
      if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0xD9) {
        return true;
      }
    }
    return false;
  }
}
