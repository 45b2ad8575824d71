package dev.parlor.thumbnail.image;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the engine named by {@code thumbnail.engine}: {@code auto} (libvips in process when it can be loaded, else
 * java), {@code libvips}, {@code vipsthumbnail} (the tool as a subprocess) or {@code java} (always works). An engine
 * that cannot run here falls back to java, with a warning when it was asked for by name.
 */
public final class Thumbnailers {

  private static final Logger LOG = LoggerFactory.getLogger(Thumbnailers.class);

  private Thumbnailers() {
  }

  public static Thumbnailer create(String engine, ImageLimits limits, List<Integer> boxes, float quality,
                                   long vipsTimeoutMs) {
    switch (engine) {
      case "auto", "libvips" -> {
        Optional<LibVipsThumbnailer> vips = LibVipsThumbnailer.create(limits, boxes, quality);
        if (vips.isPresent()) {
          return vips.get();
        }
        if (engine.equals("libvips")) {
          LOG.warn("thumbnail.engine is libvips but libvips cannot be loaded here: using the Java engine");
        }
      }
      case "vipsthumbnail" -> {
        if (VipsThumbnailer.available()) {
          return new VipsThumbnailer(limits, boxes, quality, vipsTimeoutMs);
        }
        LOG.warn("thumbnail.engine is vipsthumbnail but vipsthumbnail cannot run here: using the Java engine");
      }
      case "java" -> {
      }
      default -> throw new IllegalArgumentException(
        "thumbnail.engine must be auto, libvips, vipsthumbnail or java, not " + engine);
    }
    return new ThumbnailMaker(limits, boxes, quality);
  }
}
