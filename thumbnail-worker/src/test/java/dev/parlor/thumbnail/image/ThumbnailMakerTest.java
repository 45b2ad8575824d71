package dev.parlor.thumbnail.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every engine must do with good and bad images; this class runs it on the pure-Java engine. */
class ThumbnailMakerTest {

  private static final ThumbnailMaker JAVA = new ThumbnailMaker(ImageLimits.defaults(), List.of(64, 128, 256), 0.85f);

  /** The engine under test; subclasses run the same checks on another engine. */
  Thumbnailer engine() {
    return JAVA;
  }

  static Stream<Arguments> badInputs() {
    byte[] random = new byte[4096];
    new Random(42).nextBytes(random);
    byte[] jpeg = Samples.jpeg(300, 200);
    byte[] png = Samples.png(300, 200);
    byte[] gif = Samples.gif(300, 200);
    return Stream.of(
      Arguments.of("empty", new byte[0], "corrupt_image"),
      Arguments.of("one byte", new byte[] {(byte) 0xFF}, "corrupt_image"),
      Arguments.of("random bytes", random, "unsupported_media"),
      Arguments.of("JPEG cut at 10%", Samples.truncated(jpeg, 10), "corrupt_image"),
      Arguments.of("JPEG cut at 40%", Samples.truncated(jpeg, 40), "corrupt_image"),
      Arguments.of("JPEG cut at 99%", Samples.truncated(jpeg, 99), "corrupt_image"),
      Arguments.of("PNG cut at 10%", Samples.truncated(png, 10), "corrupt_image"),
      Arguments.of("PNG cut at 40%", Samples.truncated(png, 40), "corrupt_image"),
      Arguments.of("PNG cut at 99%", Samples.truncated(png, 99), "corrupt_image"),
      Arguments.of("GIF cut at 10%", Samples.truncated(gif, 10), "corrupt_image"),
      Arguments.of("GIF cut at 40%", Samples.truncated(gif, 40), "corrupt_image"),
      Arguments.of("GIF cut at 99%", Samples.truncated(gif, 99), "corrupt_image"),
      Arguments.of("WebP cut at 40%", Samples.truncated(Samples.WEBP_1X1, 40), "corrupt_image"),
      Arguments.of("PNG claiming 30000x30000", Samples.pngClaiming(30_000, 30_000), "image_too_large"),
      Arguments.of("JPEG claiming 65535x65535", Samples.jpegClaiming(65_535, 65_535), "image_too_large"),
      Arguments.of("PNG of 1x65000", Samples.pngClaiming(1, 65_000), "image_too_large"),
      Arguments.of("GIF with 5000 frames", Samples.gifWithFrames(5_000), "image_too_large"),
      Arguments.of("PNG claiming 0x0", Samples.pngClaiming(0, 0), "corrupt_image"),
      Arguments.of("SVG with an XXE entity", Samples.ascii(Samples.SVG_XXE), "unsupported_media"),
      Arguments.of("PostScript named .jpg", Samples.ascii(Samples.POSTSCRIPT), "unsupported_media"),
      Arguments.of("HTML sent as image/png", Samples.ascii(Samples.HTML), "unsupported_media"),
      Arguments.of("PDF", Samples.ascii("%PDF-1.7\n1 0 obj << >> endobj\n"), "unsupported_media"),
      Arguments.of("MVG", Samples.ascii("push graphic-context\nviewbox 0 0 640 480\nimage over 0,0 0,0 'x'"),
        "unsupported_media"));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("badInputs")
  void badInputIsRejectedWithItsStableCode(String name, byte[] input, String code) {
    ImageRejected rejected = assertThrows(ImageRejected.class, () -> engine().make(input));
    assertEquals(code, rejected.code(), rejected.getMessage());
  }

  @Test
  void decompressionBombIsRejectedInMillisecondsFromItsHeader() throws Exception {
    byte[] bomb = Samples.pngClaiming(30_000, 30_000);
    byte[] frames = Samples.gifWithFrames(20_000);
    engine().make(Samples.png(8, 8)); // warm up the classes, not the input
    com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    assertThrows(ImageRejected.class, () -> engine().make(bomb));
    assertThrows(ImageRejected.class, () -> engine().make(frames));
    long ms = (System.nanoTime() - start) / 1_000_000;
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    // Decoding would need 3.6 GB for the bomb's pixels: refused from the header, it costs next to nothing. The time
    // bound is loose on purpose (a loaded CI machine), the allocation bound is the real proof.
    assertTrue(allocated < 8L * 1024 * 1024, "allocated " + allocated + " bytes");
    assertTrue(ms < 1_000, "took " + ms + " ms");
  }

  @Test
  void thumbnailsKeepTheAspectAndAreNeverEnlarged() throws Exception {
    Map<Integer, Encoder.Encoded> wide = engine().make(Samples.jpeg(1000, 500));
    assertArrayEquals(new int[] {256, 128}, size(wide.get(256)));
    assertArrayEquals(new int[] {128, 64}, size(wide.get(128)));
    assertArrayEquals(new int[] {64, 32}, size(wide.get(64)));
    assertEquals("jpg", wide.get(256).ext());

    Map<Integer, Encoder.Encoded> small = engine().make(Samples.png(100, 50));
    assertArrayEquals(new int[] {100, 50}, size(small.get(256)));
    assertArrayEquals(new int[] {100, 50}, size(small.get(128)));
    assertArrayEquals(new int[] {64, 32}, size(small.get(64)));
  }

  @Test
  void fineDetailIsAveragedAwayNotAliased() throws Exception {
    // One-pixel black and white stripes: a point sampler shows black or white, a low-pass filter grey.
    BufferedImage stripes = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 1000; y++) {
      for (int x = 0; x < 1000; x++) {
        stripes.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
      }
    }
    Encoder.Encoded thumb = engine().make(Samples.write(stripes, "png")).get(64);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumb.bytes()));
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int grey = image.getRGB(x, y) & 0xFF;
        assertTrue(Math.abs(grey - 128) < 12, "pixel " + x + "," + y + " is " + grey);
      }
    }
  }

  @Test
  void gifGivesItsFirstFrame() throws Exception {
    assertArrayEquals(new int[] {1, 1}, size(engine().make(Samples.gifWithFrames(3)).get(64)));
    assertArrayEquals(new int[] {256, 171}, size(engine().make(Samples.gif(300, 200)).get(256)));
  }

  @Test
  void webpIsDecoded() throws Exception {
    assertArrayEquals(new int[] {1, 1}, size(engine().make(Samples.WEBP_1X1).get(64)));
  }

  @Test
  void cmykJpegIsConvertedToRgb() throws Exception {
    Map<Integer, Encoder.Encoded> thumbs = engine().make(Samples.cmykJpeg(200, 100));
    assertArrayEquals(new int[] {128, 64}, size(thumbs.get(128)));
  }

  @Test
  void sixteenBitPngIsReducedToEightBitSrgb() throws Exception {
    BufferedImage image = read(engine().make(Samples.png16Bit(200, 100)).get(64));
    assertEquals(64, image.getWidth());
    int left = image.getRGB(0, 16);
    assertTrue((left >> 16 & 0xFF) > 240 && (left & 0xFF) < 20, Integer.toHexString(left));
  }

  @Test
  void transparencyIsKeptAsPng() throws Exception {
    Encoder.Encoded thumb = engine().make(Samples.pngWithAlpha(200, 100)).get(64);
    assertEquals("png", thumb.ext());
    BufferedImage image = read(thumb);
    assertEquals(0xFF, image.getRGB(4, 16) >>> 24);
    assertEquals(0xFFFF0000, image.getRGB(4, 16));
    assertEquals(0, image.getRGB(60, 16) >>> 24);
  }

  /** Where the stored top-left corner is displayed for each EXIF orientation (TIFF 6.0 / EXIF 2.3 table). */
  @ParameterizedTest(name = "orientation {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void exifOrientationIsApplied(int orientation) throws Exception {
    BufferedImage image = read(engine().make(Samples.orientedJpeg(orientation, 200, 100)).get(256));
    boolean swapped = orientation >= 5;
    assertEquals(swapped ? 100 : 200, image.getWidth());
    assertEquals(swapped ? 200 : 100, image.getHeight());
    int w = image.getWidth();
    int h = image.getHeight();
    String corner = switch (orientation) {
      case 1, 5 -> "TL";
      case 2, 6 -> "TR";
      case 3, 7 -> "BR";
      default -> "BL";
    };
    int[][] corners = {{5, 5}, {w - 6, 5}, {w - 6, h - 6}, {5, h - 6}};
    String[] names = {"TL", "TR", "BR", "BL"};
    for (int i = 0; i < 4; i++) {
      boolean red = isRed(image.getRGB(corners[i][0], corners[i][1]));
      assertEquals(names[i].equals(corner), red, "corner " + names[i] + " for orientation " + orientation);
    }
  }

  @Test
  void polyglotGivesOnlyFreshPixelsNeverTheTrailingScript() throws Exception {
    byte[] gif = Samples.gif(120, 60);
    byte[] script = "<script>alert('polyglot')</script>".getBytes(StandardCharsets.US_ASCII);
    byte[] polyglot = new byte[gif.length + script.length];
    System.arraycopy(gif, 0, polyglot, 0, gif.length);
    System.arraycopy(script, 0, polyglot, gif.length, script.length);
    for (Encoder.Encoded thumb : engine().make(polyglot).values()) {
      String text = new String(thumb.bytes(), StandardCharsets.ISO_8859_1);
      assertFalse(text.contains("<script"));
      assertTrue(thumb.ext().equals("jpg") || thumb.ext().equals("png"));
    }
  }

  @Test
  void metadataIsStripped() throws Exception {
    Encoder.Encoded thumb = engine().make(Samples.orientedJpeg(6, 200, 100)).get(64);
    assertFalse(new String(thumb.bytes(), StandardCharsets.ISO_8859_1).contains("Exif"));
  }

  private static boolean isRed(int rgb) {
    return (rgb >> 16 & 0xFF) > 180 && (rgb & 0xFF) < 90;
  }

  private static BufferedImage read(Encoder.Encoded encoded) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(encoded.bytes()));
  }

  private static int[] size(Encoder.Encoded encoded) throws IOException {
    BufferedImage image = read(encoded);
    return new int[] {image.getWidth(), image.getHeight()};
  }
}
