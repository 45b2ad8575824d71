package dev.parlor.thumbnail.image;

/** Walks PNG chunks: IHDR first (dimensions), acTL (frames), eXIf (orientation), and IEND must be reached. */
final class PngStructure {

  private PngStructure() {
  }

  static ImageInfo parse(Bytes b, byte[] data, ImageLimits limits) throws ImageRejected {
    int pos = 8;
    int width = -1;
    int height = -1;
    int frames = 1;
    int orientation = 1;
    while (true) {
      long length = b.u32be(pos);
      b.need(pos, 8);
      String type = new String(data, pos + 4, Math.min(4, data.length - pos - 4), java.nio.charset.StandardCharsets.ISO_8859_1);
      b.need(pos, 12 + length);
      if (width < 0) {
        if (!type.equals("IHDR") || length != 13) {
          throw ImageRejected.corrupt("PNG does not start with its header chunk");
        }
        width = (int) Math.min(Integer.MAX_VALUE, b.u32be(pos + 8));
        height = (int) Math.min(Integer.MAX_VALUE, b.u32be(pos + 12));
        limits.check(width, height);
      } else if (type.equals("acTL") && length >= 8) {
        frames = (int) Math.min(Integer.MAX_VALUE, b.u32be(pos + 8));
        if (frames > limits.maxFrames()) {
          throw ImageRejected.tooLarge("PNG has " + frames + " frames, at most " + limits.maxFrames());
        }
      } else if (type.equals("eXIf")) {
        orientation = ExifOrientation.read(data, pos + 8, (int) length);
      } else if (type.equals("IEND")) {
        return new ImageInfo(ImageFormat.PNG, width, height, frames, orientation);
      }
      pos += 12 + (int) length;
    }
  }
}
