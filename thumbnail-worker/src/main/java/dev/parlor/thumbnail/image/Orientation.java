package dev.parlor.thumbnail.image;

/**
 * Turns stored pixels into displayed pixels for an EXIF orientation (1-8). Applied to thumbnails, after scaling,
 * so the transform touches few pixels.
 */
public final class Orientation {

  private Orientation() {
  }

  /** Orientations 5-8 swap width and height. */
  public static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  public static Pixels apply(Pixels src, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return src;
    }
    int sw = src.width();
    int sh = src.height();
    boolean swap = swapsAxes(orientation);
    int dw = swap ? sh : sw;
    int dh = swap ? sw : sh;
    int[] out = new int[dw * dh];
    for (int y = 0; y < dh; y++) {
      for (int x = 0; x < dw; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> { sx = sw - 1 - x; sy = y; }
          case 3 -> { sx = sw - 1 - x; sy = sh - 1 - y; }
          case 4 -> { sx = x; sy = sh - 1 - y; }
          case 5 -> { sx = y; sy = x; }
          case 6 -> { sx = y; sy = sh - 1 - x; }
          case 7 -> { sx = sw - 1 - y; sy = sh - 1 - x; }
          default -> { sx = sw - 1 - y; sy = x; }
        }
        out[y * dw + x] = src.argb()[sy * sw + sx];
      }
    }
    return new Pixels(out, dw, dh, src.hasAlpha());
  }
}
