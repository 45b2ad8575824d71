package dev.parlor.contracts.jobs;

import java.util.List;

/**
 * What the gateway and the thumbnail worker agree on: the job payload, the media keys in Redis, the thumbnail URLs,
 * the failure codes of {@code thumbnail.failed} and the events.
 */
public final class ThumbnailJobs {

  /** Payload fields: the uploader and the SHA-256 (hex) of the staged original. */
  public static final String USER_ID = "userId";
  public static final String SOURCE = "source";

  /** Result field: {@code {"64":url,"128":url,"256":url}}. */
  public static final String SIZES = "sizes";

  /** Thumbnail boxes, in pixels: the image is fitted inside, aspect kept, never scaled up. */
  public static final List<Integer> BOX_SIZES = List.of(64, 128, 256);

  /** Upload types the gateway accepts (the worker trusts only the bytes: magic numbers decide). */
  public static final List<String> ACCEPTED_TYPES = List.of("image/jpeg", "image/png", "image/gif", "image/webp");

  public static final String EVENT_READY = "thumbnail.ready";
  public static final String EVENT_FAILED = "thumbnail.failed";

  /** {@code thumbnail.failed} codes (PROTOCOL.md "Uploads"). */
  public static final String UNSUPPORTED_MEDIA = "unsupported_media";
  public static final String IMAGE_TOO_LARGE = "image_too_large";
  public static final String CORRUPT_IMAGE = "corrupt_image";
  public static final String INTERNAL = "internal";

  /** Public path prefix under which the gateway serves thumbnails. */
  public static final String PUBLIC_PREFIX = "/media/thumbs/";

  private ThumbnailJobs() {
  }

  /** Redis key of a staged original: content-addressed by its SHA-256, shared by identical uploads. */
  public static String originalKey(String sha256) {
    return "media:original:" + sha256;
  }

  /**
   * Redis key of one thumbnail. Deterministic from the source and size, so a re-run writes the same key with the same
   * bytes; {@code ext} is {@code png} or {@code jpg}.
   */
  public static String thumbnailKey(String sha256, int size, String ext) {
    return "media:thumb:" + sha256 + ":" + size + "." + ext;
  }

  /** The public URL path of a thumbnail: {@code /media/thumbs/<sha256>/<size>.<ext>}. */
  public static String thumbnailPath(String sha256, int size, String ext) {
    return PUBLIC_PREFIX + sha256 + "/" + size + "." + ext;
  }
}
