package dev.parlor.thumbnail.image;

/**
 * Walks the RIFF chunks of a WebP file: the RIFF size must fit the data (else truncated); VP8, VP8L or VP8X give the
 * size, ANMF chunks count frames, EXIF gives the orientation.
 */
final class WebpStructure {

  private WebpStructure() {
  }

  static ImageInfo parse(Bytes b, byte[] data, ImageLimits limits) throws ImageRejected {
    long riffEnd = 8 + b.u32le(4);
    b.need(0, riffEnd);
    int pos = 12;
    int width = -1;
    int height = -1;
    int frames = 0;
    int orientation = 1;
    while (pos + 8 <= riffEnd) {
      long size = b.u32le(pos + 4);
      b.need(pos + 8, size);
      int body = pos + 8;
      if (b.startsWith(pos, "VP8X")) {
        width = b.u24le(body + 4) + 1;
        height = b.u24le(body + 7) + 1;
        limits.check(width, height);
      } else if (b.startsWith(pos, "VP8 ")) {
        if (!b.startsWith(body + 3, 0x9D, 0x01, 0x2A)) {
          throw ImageRejected.corrupt("WebP VP8 frame without its start code");
        }
        frames++;
        if (width < 0) {
          width = b.u16le(body + 6) & 0x3FFF;
          height = b.u16le(body + 8) & 0x3FFF;
          limits.check(width, height);
        }
      } else if (b.startsWith(pos, "VP8L")) {
        frames++;
        if (width < 0) {
          long bits = b.u32le(body + 1);
          width = (int) (bits & 0x3FFF) + 1;
          height = (int) ((bits >> 14) & 0x3FFF) + 1;
          limits.check(width, height);
        }
      } else if (b.startsWith(pos, "ANMF")) {
        frames++;
      } else if (b.startsWith(pos, "EXIF")) {
        orientation = ExifOrientation.read(data, body, (int) size);
      }
      if (frames > limits.maxFrames()) {
        throw ImageRejected.tooLarge("WebP has more than " + limits.maxFrames() + " frames");
      }
      pos = body + (int) size + (int) (size & 1);
    }
    if (width < 0 || frames == 0) {
      throw ImageRejected.corrupt("WebP without an image");
    }
    return new ImageInfo(ImageFormat.WEBP, width, height, frames, orientation);
  }
}
