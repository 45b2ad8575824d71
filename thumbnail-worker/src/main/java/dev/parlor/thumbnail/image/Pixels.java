package dev.parlor.thumbnail.image;

import java.awt.image.BufferedImage;

/** A (small) image as packed sRGB ARGB ints: what the scaler produces and the encoder writes. */
public record Pixels(int[] argb, int width, int height, boolean hasAlpha) {

  public BufferedImage toImage() {
    BufferedImage image = new BufferedImage(width, height,
      hasAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, argb, 0, width);
    return image;
  }

  public int at(int x, int y) {
    return argb[y * width + x];
  }
}
