package dev.parlor.thumbnail.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every check of {@link ThumbnailMakerTest}, bad inputs included, on libvips in process. Runs where libvips is
 * installed ({@code apt-get install libvips42}; {@code .ci/run} installs it).
 */
class LibVipsThumbnailerTest extends ThumbnailMakerTest {

  private static Thumbnailer vips;

  @BeforeAll
  static void needsLibvips() {
    vips = LibVipsThumbnailer.create(ImageLimits.defaults(), List.of(64, 128, 256), 0.85f).orElse(null);
    assumeTrue(vips != null, "libvips is not installed");
  }

  @Override
  Thumbnailer engine() {
    return vips;
  }
}
