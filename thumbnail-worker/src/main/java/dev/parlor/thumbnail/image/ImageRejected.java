package dev.parlor.thumbnail.image;

import dev.parlor.contracts.jobs.ThumbnailJobs;

/**
 * An input that will never make a thumbnail, with its stable {@code thumbnail.failed} code: unsupported_media,
 * image_too_large or corrupt_image.
 */
public final class ImageRejected extends Exception {

  private final String code;

  private ImageRejected(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public static ImageRejected unsupported(String message) {
    return new ImageRejected(ThumbnailJobs.UNSUPPORTED_MEDIA, message);
  }

  public static ImageRejected tooLarge(String message) {
    return new ImageRejected(ThumbnailJobs.IMAGE_TOO_LARGE, message);
  }

  public static ImageRejected corrupt(String message) {
    return new ImageRejected(ThumbnailJobs.CORRUPT_IMAGE, message);
  }

  public String code() {
    return code;
  }
}
