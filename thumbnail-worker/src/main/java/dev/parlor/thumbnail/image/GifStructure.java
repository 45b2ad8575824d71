package dev.parlor.thumbnail.image;

/**
 * Walks GIF blocks to the trailer, counting frames and checking every frame's size, without decompressing anything;
 * it stops as soon as the frame limit is passed, so a file with thousands of frames costs nothing.
 */
final class GifStructure {

  private GifStructure() {
  }

  static ImageInfo parse(Bytes b, ImageLimits limits) throws ImageRejected {
    int width = b.u16le(6);
    int height = b.u16le(8);
    limits.check(width, height);
    int flags = b.u8(10);
    int pos = 13 + colorTableSize(flags);
    int frames = 0;
    while (true) {
      int block = b.u8(pos);
      if (block == 0x2C) {
        limits.check(b.u16le(pos + 5), b.u16le(pos + 7));
        pos += 10 + colorTableSize(b.u8(pos + 9));
        b.u8(pos);
        pos = skipSubBlocks(b, pos + 1);
        if (++frames > limits.maxFrames()) {
          throw ImageRejected.tooLarge("GIF has more than " + limits.maxFrames() + " frames");
        }
      } else if (block == 0x21) {
        b.u8(pos + 1);
        pos = skipSubBlocks(b, pos + 2);
      } else if (block == 0x3B) {
        if (frames == 0) {
          throw ImageRejected.corrupt("GIF has no image");
        }
        return new ImageInfo(ImageFormat.GIF, width, height, frames, 1);
      } else {
        throw ImageRejected.corrupt("GIF has an unknown block 0x" + Integer.toHexString(block));
      }
    }
  }

  private static int colorTableSize(int flags) {
    return (flags & 0x80) == 0 ? 0 : 3 * (1 << ((flags & 0x07) + 1));
  }

  private static int skipSubBlocks(Bytes b, int pos) throws ImageRejected {
    while (true) {
      int size = b.u8(pos);
      pos += 1 + size;
      if (size == 0) {
        return pos;
      }
      b.need(pos, 0);
    }
  }
}
