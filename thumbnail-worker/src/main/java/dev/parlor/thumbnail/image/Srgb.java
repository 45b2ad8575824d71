package dev.parlor.thumbnail.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;

/** Brings a decoded image into sRGB when its colour space is another (an embedded ICC profile); grey stays grey. */
final class Srgb {

  private Srgb() {
  }

  static BufferedImage ensure(BufferedImage image) {
    ColorSpace space = image.getColorModel().getColorSpace();
    if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
      return image;
    }
    return new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(image, null);
  }
}
