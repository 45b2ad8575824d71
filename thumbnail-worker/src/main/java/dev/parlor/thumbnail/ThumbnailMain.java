package dev.parlor.thumbnail;

import dev.parlor.runtime.ServiceMain;

/** Runs a thumbnail worker as its own process. */
public final class ThumbnailMain {

  private ThumbnailMain() {
  }

  public static void main(String[] args) {
    ServiceMain.run(args, new ThumbnailService());
  }
}
