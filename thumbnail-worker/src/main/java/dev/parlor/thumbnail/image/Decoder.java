package dev.parlor.thumbnail.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes the first frame of an inspected image with ImageIO, metadata ignored. A decoder warning (the JDK's JPEG
 * reader warns, then pads a cut-off image with grey) or any decoder exception makes the image corrupt. Blocking and
 * CPU-heavy: worker threads only.
 */
public final class Decoder {

  static {
    // No temporary files: inputs are in memory and bounded.
    ImageIO.setUseCache(false);
  }

  private Decoder() {
  }

  public static BufferedImage decode(byte[] data, ImageInfo info) throws ImageRejected {
    ImageReader reader = reader(info.format());
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      reader.setInput(in, true, true);
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      if (reader.getWidth(0) != info.width() || reader.getHeight(0) != info.height()) {
        throw ImageRejected.corrupt("image headers disagree about its size");
      }
      ImageReadParam param = reader.getDefaultReadParam();
      BufferedImage image = reader.read(0, param);
      if (!warnings.isEmpty()) {
        throw ImageRejected.corrupt("image data is damaged: " + warnings.get(0));
      }
      return image;
    } catch (IOException | RuntimeException e) {
      throw ImageRejected.corrupt("cannot decode the image: " + e.getMessage());
    } finally {
      reader.dispose();
    }
  }

  /** For JPEG the TwelveMonkeys reader (CMYK, YCCK, ICC profiles), else the first reader of the format. */
  private static ImageReader reader(ImageFormat format) throws ImageRejected {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    ImageReader chosen = null;
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      boolean twelveMonkeys = reader.getClass().getName().startsWith("com.twelvemonkeys");
      if (chosen == null || format == ImageFormat.JPEG && twelveMonkeys) {
        chosen = reader;
      }
    }
    if (chosen == null) {
      throw ImageRejected.unsupported("no decoder for " + format.imageIoName());
    }
    return chosen;
  }
}
