package dev.parlor.thumbnail;

import dev.parlor.runtime.ServiceMain;
import dev.parlor.thumbnail.image.LibVipsThumbnailer;

/** Runs a thumbnail worker as its own process. */
public final class ThumbnailMain {

  private ThumbnailMain() {
  }

  public static void main(String[] args) {
    String engine = System.getenv("PARLOR_THUMBNAIL_ENGINE");
    if (engine == null || engine.equals("auto") || engine.equals("libvips")) {
      // Loading and initialising libvips takes most of a second: done while the cluster forms, not after it.
      Thread preload = new Thread(LibVipsThumbnailer::available, "libvips-preload");
      preload.setDaemon(true);
      preload.start();
    }
    ServiceMain.run(args, new ThumbnailService());
  }
}
