package dev.parlor.gateway.media;

/** The gateway's media keys (uploads, job status, thumbnails); defaults in {@code conf/gateway.json}. */
public final class MediaSettings {

  public static final String MAX_BYTES = "gateway.media.max-bytes";
  public static final String MAX_ACTIVE_PER_USER = "gateway.media.max-active-per-user";
  public static final String MAX_ACTIVE = "gateway.media.max-active";
  public static final String RETRY_AFTER_SECONDS = "gateway.media.retry-after-seconds";
  public static final String ORIGINAL_TTL_SECONDS = "gateway.media.original-ttl-seconds";

  private MediaSettings() {
  }
}
