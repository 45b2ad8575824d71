package dev.parlor.thumbnail.image;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The checks made before any decoder sees an input: its magic bytes must name an accepted format (the declared
 * Content-Type and file name are ignored), and its structure is walked without decoding pixels, so that claimed
 * dimensions, pixel count and frame count are limited and truncated files are caught in microseconds, whatever the
 * header claims.
 */
public final class ImageInspector {

  private static final int MIN_LENGTH = 8;

  private final ImageLimits limits;

  public ImageInspector(ImageLimits limits) {
    this.limits = limits;
  }

  public ImageInfo inspect(byte[] data) throws ImageRejected {
    if (data.length < MIN_LENGTH) {
      throw ImageRejected.corrupt("too short to be an image (" + data.length + " bytes)");
    }
    Bytes b = new Bytes(data);
    if (b.startsWith(0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PngStructure.parse(b, data, limits);
    }
    if (b.startsWith(0, 0xFF, 0xD8, 0xFF)) {
      return JpegStructure.parse(b, data, limits);
    }
    if (b.startsWith(0, "GIF87a") || b.startsWith(0, "GIF89a")) {
      return GifStructure.parse(b, limits);
    }
    if (b.startsWith(0, "RIFF") && b.startsWith(8, "WEBP")) {
      return WebpStructure.parse(b, data, limits);
    }
    throw ImageRejected.unsupported("not a JPEG, PNG, GIF or WebP image" + describe(data));
  }

  /** Names the refused kinds people try most, so the message helps; the outcome is the same for all. */
  private static String describe(byte[] data) {
    String head = new String(data, 0, Math.min(data.length, 256), StandardCharsets.ISO_8859_1)
      .trim().toLowerCase(Locale.ROOT);
    if (head.startsWith("%pdf")) {
      return " (looks like PDF)";
    }
    if (head.startsWith("%!")) {
      return " (looks like PostScript)";
    }
    if (head.contains("<svg") || head.startsWith("<?xml")) {
      return " (looks like SVG/XML)";
    }
    if (head.contains("<html") || head.startsWith("<!doctype")) {
      return " (looks like HTML)";
    }
    if (head.startsWith("push graphic-context") || head.startsWith("viewbox")) {
      return " (looks like MVG)";
    }
    return "";
  }
}
