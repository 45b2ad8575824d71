package dev.parlor.thumbnail.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;

/**
 * Reads one row of a decoded image as packed ARGB, straight from the raster for the layouts decoders produce for
 * photos (8-bit interleaved RGB, RGBA, grey; packed ints), so a full-size converted copy of a large image is never
 * made. Any other layout (palettes, 16-bit samples) goes through {@link BufferedImage#getRGB}, one row at a time.
 */
abstract class RowReader {

  final int width;
  final int height;

  RowReader(int width, int height) {
    this.width = width;
    this.height = height;
  }

  abstract void read(int y, int[] row);

  static RowReader of(BufferedImage image) {
    ColorModel model = image.getColorModel();
    DataBuffer buffer = image.getRaster().getDataBuffer();
    boolean plainSpace = model.getColorSpace().isCS_sRGB() || model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    if (model instanceof ComponentColorModel && buffer instanceof DataBufferByte bytes && plainSpace
      && !model.isAlphaPremultiplied() && image.getSampleModel() instanceof ComponentSampleModel samples
      && bytes.getNumBanks() == 1 && image.getRaster().getSampleModelTranslateX() == 0
      && image.getRaster().getSampleModelTranslateY() == 0) {
      return new Interleaved(image, bytes.getData(), samples, model);
    }
    if (model instanceof DirectColorModel direct && buffer instanceof DataBufferInt ints
      && direct.getRedMask() == 0xFF0000 && direct.getGreenMask() == 0xFF00 && direct.getBlueMask() == 0xFF
      && !model.isAlphaPremultiplied() && image.getRaster().getSampleModelTranslateX() == 0
      && image.getRaster().getSampleModelTranslateY() == 0) {
      boolean alpha = direct.hasAlpha() && direct.getAlphaMask() == 0xFF000000;
      int[] data = ints.getData();
      int w = image.getWidth();
      return new RowReader(w, image.getHeight()) {
        @Override
        void read(int y, int[] row) {
          for (int x = 0; x < w; x++) {
            int p = data[y * w + x];
            row[x] = alpha ? p : p | 0xFF000000;
          }
        }
      };
    }
    return new RowReader(image.getWidth(), image.getHeight()) {
      @Override
      void read(int y, int[] row) {
        image.getRGB(0, y, width, 1, row, 0, width);
      }
    };
  }

  /** 8-bit samples, one band (grey), two (grey, alpha), three (R, G, B) or four (R, G, B, A), any band order. */
  private static final class Interleaved extends RowReader {
    private final byte[] data;
    private final int pixelStride;
    private final int scanlineStride;
    private final int[] offsets;
    private final int bands;

    Interleaved(BufferedImage image, byte[] data, ComponentSampleModel samples, ColorModel model) {
      super(image.getWidth(), image.getHeight());
      this.data = data;
      this.pixelStride = samples.getPixelStride();
      this.scanlineStride = samples.getScanlineStride();
      this.offsets = samples.getBandOffsets();
      this.bands = model.getNumComponents();
    }

    @Override
    void read(int y, int[] row) {
      int base = y * scanlineStride;
      for (int x = 0; x < width; x++) {
        int at = base + x * pixelStride;
        int r = data[at + offsets[0]] & 0xFF;
        switch (bands) {
          case 1 -> row[x] = 0xFF000000 | r << 16 | r << 8 | r;
          case 2 -> row[x] = (data[at + offsets[1]] & 0xFF) << 24 | r << 16 | r << 8 | r;
          case 3 -> row[x] = 0xFF000000 | r << 16 | (data[at + offsets[1]] & 0xFF) << 8 | data[at + offsets[2]] & 0xFF;
          default -> row[x] = (data[at + offsets[3]] & 0xFF) << 24 | r << 16 | (data[at + offsets[1]] & 0xFF) << 8
            | data[at + offsets[2]] & 0xFF;
        }
      }
    }
  }
}
