package dev.parlor.thumbnail.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The optional libvips engine; runs where {@code vipsthumbnail} is installed (apt-get install libvips-tools). */
class VipsThumbnailerTest {

  private static final VipsThumbnailer VIPS = new VipsThumbnailer(ImageLimits.defaults(), List.of(64, 128, 256),
    0.85f, 20_000);

  @BeforeAll
  static void needsVips() {
    assumeTrue(VipsThumbnailer.available(), "vipsthumbnail is not installed");
  }

  @Test
  void vipsEngineMakesTheSameSizesAndAppliesOrientation() throws Exception {
    BufferedImage big = ImageIO.read(new ByteArrayInputStream(VIPS.make(Samples.jpeg(1000, 500)).get(256).bytes()));
    assertEquals(256, big.getWidth());
    assertEquals(128, big.getHeight());
    BufferedImage turned = ImageIO.read(new ByteArrayInputStream(
      VIPS.make(Samples.orientedJpeg(6, 200, 100)).get(64).bytes()));
    assertEquals(32, turned.getWidth());
    assertEquals(64, turned.getHeight());
    int topRight = turned.getRGB(turned.getWidth() - 4, 4);
    assertEquals(true, (topRight >> 16 & 0xFF) > 180 && (topRight & 0xFF) < 90, Integer.toHexString(topRight));
  }

  @Test
  void vipsEngineRunsTheSameChecksBeforeDecoding() {
    assertEquals("image_too_large", assertThrows(ImageRejected.class,
      () -> VIPS.make(Samples.pngClaiming(30_000, 30_000))).code());
    assertEquals("unsupported_media", assertThrows(ImageRejected.class,
      () -> VIPS.make(Samples.ascii(Samples.SVG_XXE))).code());
    assertEquals("corrupt_image", assertThrows(ImageRejected.class,
      () -> VIPS.make(Samples.truncated(Samples.png(300, 200), 40))).code());
  }
}
