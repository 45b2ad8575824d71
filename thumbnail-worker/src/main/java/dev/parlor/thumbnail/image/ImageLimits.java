package dev.parlor.thumbnail.image;

/** What an input may claim in its header before anything is decoded: pixels, the longer side, frames. */
public record ImageLimits(long maxPixels, int maxDimension, int maxFrames) {

  public static ImageLimits defaults() {
    return new ImageLimits(40_000_000L, 16_384, 500);
  }

  void check(int width, int height) throws ImageRejected {
    if (width <= 0 || height <= 0) {
      throw ImageRejected.corrupt("image has no pixels (" + width + "x" + height + ")");
    }
    if (width > maxDimension || height > maxDimension) {
      throw ImageRejected.tooLarge(width + "x" + height + " exceeds " + maxDimension + " pixels per side");
    }
    if ((long) width * height > maxPixels) {
      throw ImageRejected.tooLarge(width + "x" + height + " exceeds " + maxPixels + " pixels");
    }
  }
}
