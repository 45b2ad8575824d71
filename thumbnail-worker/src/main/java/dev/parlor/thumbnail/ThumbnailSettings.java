package dev.parlor.thumbnail;

import dev.parlor.contracts.jobs.JobQueues;
import dev.parlor.contracts.jobs.ThumbnailJobs;
import dev.parlor.jobs.QueueOptions;
import dev.parlor.runtime.config.ServiceConfig;
import dev.parlor.thumbnail.image.ImageLimits;
import java.util.List;

/** Keys of the thumbnail worker; defaults in {@code conf/thumbnail.json}, documented in docs/configuration.md. */
public final class ThumbnailSettings {

  public static final String MANAGEMENT_PORT = "thumbnail.management.port";
  public static final String CONCURRENCY = "thumbnail.concurrency";
  public static final String LEASE_MS = "thumbnail.lease-ms";
  public static final String MAX_DELIVERIES = "thumbnail.max-deliveries";
  public static final String BACKOFF_BASE_MS = "thumbnail.backoff-base-ms";
  public static final String BACKOFF_MAX_MS = "thumbnail.backoff-max-ms";
  public static final String RETENTION_SECONDS = "thumbnail.retention-seconds";
  public static final String MAX_PIXELS = "thumbnail.max-pixels";
  public static final String MAX_DIMENSION = "thumbnail.max-dimension";
  public static final String MAX_FRAMES = "thumbnail.max-frames";
  public static final String JPEG_QUALITY = "thumbnail.jpeg-quality";
  public static final String ANNOUNCE_ATTEMPTS = "thumbnail.announce-attempts";
  public static final String ENGINE = "thumbnail.engine";
  public static final String VIPS_TIMEOUT_MS = "thumbnail.vips-timeout-ms";
  public static final String SIZES = "thumbnail.sizes";

  private ThumbnailSettings() {
  }

  public static QueueOptions queueOptions(ServiceConfig config) {
    return new QueueOptions(JobQueues.THUMBNAIL, config.getLong(LEASE_MS), config.getInt(MAX_DELIVERIES),
      config.getLong(BACKOFF_BASE_MS), config.getLong(BACKOFF_MAX_MS), 0, 0, config.getLong(RETENTION_SECONDS));
  }

  public static ImageLimits limits(ServiceConfig config) {
    return new ImageLimits(config.getLong(MAX_PIXELS), config.getInt(MAX_DIMENSION), config.getInt(MAX_FRAMES));
  }

  /** The box sizes to make, each one of the contract's {@link ThumbnailJobs#BOX_SIZES} (the URLs clients know). */
  public static List<Integer> sizes(ServiceConfig config) {
    List<Integer> sizes = config.getList(SIZES).stream().map(Integer::valueOf).distinct().toList();
    if (sizes.isEmpty() || !ThumbnailJobs.BOX_SIZES.containsAll(sizes)) {
      throw new IllegalArgumentException(SIZES + " must list some of " + ThumbnailJobs.BOX_SIZES + ", not "
        + config.getString(SIZES));
    }
    return sizes;
  }
}
