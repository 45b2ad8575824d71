package dev.parlor.thumbnail.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes a thumbnail: PNG when it has transparency, else JPEG. Fresh files from pixels only, so no metadata, comment
 * or trailing bytes of the upload survive.
 */
public final class Encoder {

  private Encoder() {
  }

  public record Encoded(byte[] bytes, String ext, String contentType) {
  }

  public static Encoded encode(Pixels pixels, float jpegQuality) {
    try {
      if (pixels.hasAlpha()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(pixels.toImage(), "png", out);
        return new Encoded(out.toByteArray(), "png", "image/png");
      }
      return new Encoded(jpeg(pixels, jpegQuality), "jpg", "image/jpeg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] jpeg(Pixels pixels, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(pixels.toImage(), null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
