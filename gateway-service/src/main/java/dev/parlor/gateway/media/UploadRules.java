package dev.parlor.gateway.media;

import dev.parlor.contracts.jobs.ThumbnailJobs;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing of what an upload, a job query and a thumbnail URL carry; no I/O, so it is tested without a server. */
final class UploadRules {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern THUMB_FILE = Pattern.compile("(64|128|256)\\.(jpg|png)");
  private static final Pattern JOB_ID = Pattern.compile("[0-9A-Za-z]{1,64}");

  private UploadRules() {
  }

  /** The media type of a Content-Type header if it is one we accept, else {@code null}. Parameters are ignored. */
  static String acceptedType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
      .toLowerCase(Locale.ROOT);
    return ThumbnailJobs.ACCEPTED_TYPES.contains(type) ? type : null;
  }

  /** The token of an {@code Authorization: Bearer <token>} header, or {@code null}. */
  static String bearer(String authorization) {
    if (authorization == null || authorization.length() < 8
      || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  /** The declared Content-Length, -1 when absent; a malformed value counts as absent (the stream is limited anyway). */
  static long declaredLength(String contentLength) {
    if (contentLength == null) {
      return -1;
    }
    try {
      return Long.parseLong(contentLength.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static boolean validSource(String source) {
    return source != null && SHA256.matcher(source).matches();
  }

  static boolean validThumbnailFile(String file) {
    return file != null && THUMB_FILE.matcher(file).matches();
  }

  static boolean validJobId(String jobId) {
    return jobId != null && JOB_ID.matcher(jobId).matches();
  }

  static String contentTypeOf(String file) {
    return file.endsWith(".png") ? "image/png" : "image/jpeg";
  }
}
