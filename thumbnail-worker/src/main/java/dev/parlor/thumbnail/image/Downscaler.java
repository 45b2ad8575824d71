package dev.parlor.thumbnail.image;

/**
 * Area-averaging (box filter) downscaling: every output pixel is the exact, coverage-weighted mean of the source
 * pixels under it, which removes the frequencies the smaller image cannot hold (no aliasing, unlike nearest or
 * plain bilinear sampling). Separable: a horizontal pass then a vertical one. Colours are averaged premultiplied by
 * alpha, so transparent pixels do not darken edges. Never enlarges.
 */
public final class Downscaler {

  private Downscaler() {
  }

  /** The size of an image of {@code width}×{@code height} fitted inside a {@code box}×{@code box} square. */
  public static int[] fit(int width, int height, int box) {
    if (width <= box && height <= box) {
      return new int[] {width, height};
    }
    double scale = (double) box / Math.max(width, height);
    return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
  }

  public static Pixels resize(Pixels src, int dw, int dh) {
    if (dw == src.width() && dh == src.height()) {
      return src;
    }
    int[] argb = src.argb();
    int w = src.width();
    return resize(new RowReader(w, src.height()) {
      @Override
      void read(int y, int[] row) {
        System.arraycopy(argb, y * w, row, 0, w);
      }
    }, dw, dh);
  }

  /**
   * Scales a decoded image row by row, straight from its raster: the only full-size memory is the decoded image
   * itself. Transparency is reported only when some output pixel is not opaque.
   */
  public static Pixels resize(java.awt.image.BufferedImage image, int dw, int dh) {
    return resize(RowReader.of(image), dw, dh);
  }

  private static Pixels resize(RowReader src, int dw, int dh) {
    if (dw > src.width || dh > src.height) {
      throw new IllegalArgumentException("never enlarges");
    }
    float[] rows = horizontal(src, dw);
    int[] packed = pack(vertical(rows, dw, src.height, dh));
    return new Pixels(packed, dw, dh, anyTransparent(packed));
  }

  private static boolean anyTransparent(int[] argb) {
    for (int pixel : argb) {
      if (pixel >>> 24 != 0xFF) {
        return true;
      }
    }
    return false;
  }

  /** Rows to {@code dw} columns of premultiplied floats (a, r, g, b); each row is premultiplied once, then filtered. */
  private static float[] horizontal(RowReader src, int dw) {
    int w = src.width;
    int h = src.height;
    Span[] spans = spans(w, dw);
    float[] out = new float[dw * h * 4];
    int[] argb = new int[w];
    float[] row = new float[w * 4];
    for (int y = 0; y < h; y++) {
      src.read(y, argb);
      for (int x = 0, i = 0; x < w; x++, i += 4) {
        int p = argb[x];
        float a = (p >>> 24) * (1f / 255f);
        row[i] = a;
        row[i + 1] = ((p >> 16) & 0xFF) * a;
        row[i + 2] = ((p >> 8) & 0xFF) * a;
        row[i + 3] = (p & 0xFF) * a;
      }
      int to = y * dw * 4;
      for (Span span : spans) {
        float a = 0;
        float r = 0;
        float g = 0;
        float b = 0;
        float[] weights = span.weights;
        for (int k = 0, i = span.first * 4; k < weights.length; k++, i += 4) {
          float weight = weights[k];
          a += row[i] * weight;
          r += row[i + 1] * weight;
          g += row[i + 2] * weight;
          b += row[i + 3] * weight;
        }
        out[to++] = a;
        out[to++] = r;
        out[to++] = g;
        out[to++] = b;
      }
    }
    return out;
  }

  private static float[] vertical(float[] in, int w, int h, int dh) {
    Span[] spans = spans(h, dh);
    float[] out = new float[w * dh * 4];
    int rowLength = w * 4;
    for (int t = 0; t < dh; t++) {
      Span span = spans[t];
      int to = t * rowLength;
      for (int k = 0; k < span.weights.length; k++) {
        float weight = span.weights[k];
        int from = (span.first + k) * rowLength;
        for (int i = 0; i < rowLength; i++) {
          out[to + i] += in[from + i] * weight;
        }
      }
    }
    return out;
  }

  /** The source pixels under each output pixel, weighted by how much of each it covers (weights sum to 1). */
  private static Span[] spans(int length, int target) {
    Span[] spans = new Span[target];
    double scale = (double) length / target;
    for (int t = 0; t < target; t++) {
      double left = t * scale;
      double right = Math.min(length, (t + 1) * scale);
      int first = (int) Math.floor(left);
      int last = Math.max(first, Math.min(length - 1, (int) Math.ceil(right) - 1));
      float[] weights = new float[last - first + 1];
      for (int i = first; i <= last; i++) {
        weights[i - first] = (float) (Math.max(0, Math.min(i + 1, right) - Math.max(i, left)) / scale);
      }
      spans[t] = new Span(first, weights);
    }
    return spans;
  }

  private record Span(int first, float[] weights) {
  }

  private static int[] pack(float[] in) {
    int[] out = new int[in.length / 4];
    for (int i = 0; i < out.length; i++) {
      float a = in[i * 4];
      if (a <= 0) {
        continue;
      }
      out[i] = channel(a * 255f) << 24 | channel(in[i * 4 + 1] / a) << 16 | channel(in[i * 4 + 2] / a) << 8
        | channel(in[i * 4 + 3] / a);
    }
    return out;
  }

  private static int channel(float value) {
    return Math.max(0, Math.min(255, Math.round(value)));
  }
}
