package dev.parlor.thumbnail.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The largest thumbnail made by libvips' {@code vipsthumbnail} as a subprocess (it decodes JPEGs already shrunk, far
 * faster than a full decode), then the smaller ones and the encoding as in {@link ThumbnailMaker}. The same header
 * checks run first; the subprocess gets one thread, only the loaders libvips trusts, and a time limit. Used only
 * when configured and present: the pure-Java engine always works.
 */
public final class VipsThumbnailer implements Thumbnailer {

  private static final Logger LOG = LoggerFactory.getLogger(VipsThumbnailer.class);

  private final ImageInspector inspector;
  private final ThumbnailMaker rest;
  private final int largest;
  private final long timeoutMs;

  public VipsThumbnailer(ImageLimits limits, List<Integer> boxes, float jpegQuality, long timeoutMs) {
    this.inspector = new ImageInspector(limits);
    this.rest = new ThumbnailMaker(limits, boxes, jpegQuality);
    this.largest = boxes.stream().max(Integer::compare).orElseThrow();
    this.timeoutMs = timeoutMs;
  }

  /** Whether {@code vipsthumbnail} can be run here. */
  public static boolean available() {
    try {
      Process process = new ProcessBuilder("vipsthumbnail", "--vips-version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public Map<Integer, Encoder.Encoded> make(byte[] data) throws ImageRejected {
    ImageInfo info = inspector.inspect(data);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("thumb-");
      Path in = dir.resolve("in." + info.format().imageIoName());
      Path out = dir.resolve("out.png");
      Files.write(in, data);
      ProcessBuilder builder = new ProcessBuilder("vipsthumbnail", in.toString(), "--size",
        largest + "x" + largest, "-o", out + "[strip]").redirectErrorStream(true);
      builder.environment().put("VIPS_CONCURRENCY", "1");
      builder.environment().put("VIPS_BLOCK_UNTRUSTED", "1");
      Process process = builder.start();
      byte[] messages = process.getInputStream().readNBytes(4096);
      if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("vipsthumbnail took longer than " + timeoutMs + " ms");
      }
      if (process.exitValue() != 0 || !Files.exists(out)) {
        throw ImageRejected.corrupt("cannot decode the image: " + new String(messages).trim());
      }
      BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(out)));
      if (thumb == null) {
        throw ImageRejected.corrupt("cannot decode the image");
      }
      // vipsthumbnail has already applied the EXIF orientation.
      return rest.fromDecoded(Srgb.ensure(thumb), 1);
    } catch (IOException e) {
      throw new IllegalStateException("vipsthumbnail failed to run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.warn("Could not remove {}: {}", dir, e.toString());
    }
  }
}
