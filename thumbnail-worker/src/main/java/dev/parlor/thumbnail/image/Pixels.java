package dev.parlor.thumbnail.image;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;

/**
 * An image as packed sRGB ARGB ints, the one form the scaler works on. Decoded images in other colour spaces
 * (embedded ICC profiles, CMYK already converted by the reader, 16-bit, grey, palettes) are converted here.
 */
public record Pixels(int[] argb, int width, int height, boolean hasAlpha) {

  public static Pixels fromImage(BufferedImage image) {
    BufferedImage source = image;
    ColorSpace space = source.getColorModel().getColorSpace();
    if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
      source = new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(source, null);
    }
    boolean alpha = source.getColorModel().hasAlpha();
    BufferedImage argb;
    if (source.getType() == BufferedImage.TYPE_INT_ARGB) {
      argb = source;
    } else {
      argb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = argb.createGraphics();
      try {
        g.drawImage(source, 0, 0, null);
      } finally {
        g.dispose();
      }
    }
    int[] data = ((DataBufferInt) argb.getRaster().getDataBuffer()).getData();
    return new Pixels(data, argb.getWidth(), argb.getHeight(), alpha && anyTransparent(data));
  }

  public BufferedImage toImage() {
    BufferedImage image = new BufferedImage(width, height,
      hasAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, argb, 0, width);
    return image;
  }

  public int at(int x, int y) {
    return argb[y * width + x];
  }

  private static boolean anyTransparent(int[] data) {
    for (int pixel : data) {
      if (pixel >>> 24 != 0xFF) {
        return true;
      }
    }
    return false;
  }
}
