package dev.parlor.thumbnail.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Test inputs, all made here from code: nothing is downloaded. */
final class Samples {

  private Samples() {
  }

  static BufferedImage gradient(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, new Color(x * 255 / Math.max(1, w - 1), y * 255 / Math.max(1, h - 1), 128).getRGB());
      }
    }
    return image;
  }

  static byte[] write(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] jpeg(int w, int h) {
    return write(gradient(w, h), "jpeg");
  }

  static byte[] png(int w, int h) {
    return write(gradient(w, h), "png");
  }

  static byte[] gif(int w, int h) {
    return write(gradient(w, h), "gif");
  }

  static byte[] truncated(byte[] data, int percent) {
    return Arrays.copyOf(data, data.length * percent / 100);
  }

  /** A PNG whose header claims a size, with one tiny data chunk and an end: nothing close to that many pixels. */
  static byte[] pngClaiming(int w, int h) {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0)
      .put((byte) 0).put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A real JPEG whose frame header is rewritten to claim {@code w}×{@code h}. */
  static byte[] jpegClaiming(int w, int h) {
    byte[] data = jpeg(16, 16);
    for (int i = 2; i < data.length - 8; i++) {
      if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0xC0) {
        data[i + 5] = (byte) (h >> 8);
        data[i + 6] = (byte) h;
        data[i + 7] = (byte) (w >> 8);
        data[i + 8] = (byte) w;
        return data;
      }
    }
    throw new IllegalStateException("no SOF0");
  }

  /** An animated GIF of {@code frames} 1×1 frames, written block by block. */
  static byte[] gifWithFrames(int frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(new byte[] {1, 0, 1, 0, (byte) 0x80, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0});
    for (int i = 0; i < frames; i++) {
      out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 0, 1, 0, 0, 0});
      out.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0});
    }
    out.write(0x3B);
    return out.toByteArray();
  }

  /** A JPEG of four-channel (CMYK) pixels, as print software writes them. */
  static byte[] cmykJpeg(int w, int h) {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.setPixel(x, y, new int[] {x * 255 / w, 40, y * 255 / h, 10});
      }
    }
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        writer.write(null, new IIOImage(raster, null, null), null);
      }
      writer.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] png16Bit(int w, int h) {
    ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
      Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    WritableRaster raster = model.createCompatibleWritableRaster(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.setPixel(x, y, new int[] {65535, x * 65535 / w, 0});
      }
    }
    return write(new BufferedImage(model, raster, false, null), "png");
  }

  static byte[] pngWithAlpha(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(255, 0, 0, 255));
    g.fillRect(0, 0, w / 2, h);
    g.dispose();
    return write(image, "png");
  }

  /**
   * A JPEG with an EXIF orientation whose stored top-left quarter is red and the rest blue; {@code w}×{@code h} as
   * stored.
   */
  static byte[] orientedJpeg(int orientation, int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.RED);
    g.fillRect(0, 0, w / 2, h / 2);
    g.dispose();
    byte[] jpeg = write(image, "jpeg");
    ByteBuffer tiff = ByteBuffer.allocate(26);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8).putShort((short) 1)
      .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
      .putInt(0);
    byte[] exif = ByteBuffer.allocate(6 + 26).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array())
      .array();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    out.write(0xFF);
    out.write(0xE1);
    out.writeBytes(ByteBuffer.allocate(2).putShort((short) (exif.length + 2)).array());
    out.writeBytes(exif);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static final String SVG_XXE = """
    <?xml version="1.0" standalone="yes"?>
    <!DOCTYPE svg [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
    <svg width="128px" height="128px" xmlns="http://www.w3.org/2000/svg"><text x="0" y="16">&xxe;</text></svg>
    """;

  static final String POSTSCRIPT = "%!PS-Adobe-3.0\n%%BoundingBox: 0 0 100 100\n/Times findfont 12 scalefont setfont\n"
    + "72 72 moveto (pwned) show showpage\n";

  static final String HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>";

  /** A lossless 1×1 WebP (VP8L), byte for byte. */
  static final byte[] WEBP_1X1 = {
    'R', 'I', 'F', 'F', 0x1A, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0x0D, 0, 0, 0, 0x2F, 0, 0, 0, 0x10,
    0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xFE, 0x07, 0};
}
