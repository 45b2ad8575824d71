package dev.parlor.thumbnail.image;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The largest thumbnail made by libvips in this process (through JNA, so it runs on the project's Java 17 as on
 * later JDKs): {@code vips_thumbnail_buffer} decodes a JPEG already shrunk (DCT scaling), applies the EXIF
 * orientation and converts to sRGB; the smaller sizes and the encoding are then done as in {@link ThumbnailMaker}.
 * The same header checks run first, so bombs and foreign formats never reach libvips; libvips itself runs only the
 * loaders it trusts, single-threaded per call (the worker's slots are the parallelism) and with its operation cache
 * off, so memory stays that of the images in flight.
 */
public final class LibVipsThumbnailer implements Thumbnailer {

  private static final Logger LOG = LoggerFactory.getLogger(LibVipsThumbnailer.class);
  private static final int SIZE_DOWN = 2;
  private static final int INTERPRETATION_SRGB = 22;
  private static final int FORMAT_UCHAR = 0;

  /** The few libvips (and GLib) functions used; C varargs lists end with {@code null}. */
  interface Vips extends Library {
    int vips_init(String argv0);

    String vips_version_string();

    void vips_concurrency_set(int concurrency);

    void vips_cache_set_max(int max);

    void vips_block_untrusted_set(boolean state);

    int vips_thumbnail_buffer(Pointer buf, NativeLong len, PointerByReference out, int width, Object... options);

    int vips_colourspace(Pointer in, PointerByReference out, int space, Object... options);

    int vips_cast_uchar(Pointer in, PointerByReference out, Object... options);

    int vips_image_get_width(Pointer image);

    int vips_image_get_height(Pointer image);

    int vips_image_get_bands(Pointer image);

    int vips_image_get_format(Pointer image);

    Pointer vips_image_write_to_memory(Pointer image, NativeLongByReference size);

    String vips_error_buffer();

    void vips_error_clear();

    void g_object_unref(Pointer object);

    void g_free(Pointer memory);
  }

  private static volatile Optional<Vips> loaded;

  private final Vips vips;
  private final ImageInspector inspector;
  private final ThumbnailMaker rest;
  private final int largest;

  private LibVipsThumbnailer(Vips vips, ImageLimits limits, List<Integer> boxes, float jpegQuality) {
    this.vips = vips;
    this.inspector = new ImageInspector(limits);
    this.rest = new ThumbnailMaker(limits, boxes, jpegQuality);
    this.largest = boxes.stream().max(Integer::compare).orElseThrow();
  }

  /** The engine, when libvips (8.13 or later) can be loaded here. */
  public static Optional<LibVipsThumbnailer> create(ImageLimits limits, List<Integer> boxes, float jpegQuality) {
    return library().map(vips -> new LibVipsThumbnailer(vips, limits, boxes, jpegQuality));
  }

  /** Whether libvips can be loaded here. */
  public static boolean available() {
    return library().isPresent();
  }

  private static synchronized Optional<Vips> library() {
    if (loaded == null) {
      loaded = load();
    }
    return loaded;
  }

  private static Optional<Vips> load() {
    for (String name : List.of("vips", "libvips.so.42")) {
      try {
        Vips vips = Native.load(name, Vips.class);
        if (vips.vips_init("parlor-thumbnail") != 0) {
          LOG.warn("libvips did not initialise: {}", vips.vips_error_buffer());
          return Optional.empty();
        }
        vips.vips_concurrency_set(1);
        vips.vips_cache_set_max(0);
        // Only the loaders libvips fuzzes and trusts (8.13+): no ImageMagick, PDF, SVG and the like.
        vips.vips_block_untrusted_set(true);
        LOG.info("libvips {} loaded", vips.vips_version_string());
        return Optional.of(vips);
      } catch (UnsatisfiedLinkError e) {
        LOG.debug("libvips not loadable as {}: {}", name, e.getMessage());
      }
    }
    return Optional.empty();
  }

  @Override
  public Map<Integer, Encoder.Encoded> make(byte[] data) throws ImageRejected {
    ImageInfo info = inspector.inspect(data);
    BufferedImage thumb = thumbnail(data);
    // libvips has already applied the EXIF orientation: sizes are fitted to the original as it is shown.
    boolean swap = Orientation.swapsAxes(info.orientation());
    return rest.fromDecoded(thumb, 1, swap ? info.height() : info.width(), swap ? info.width() : info.height());
  }

  private BufferedImage thumbnail(byte[] data) throws ImageRejected {
    com.sun.jna.Memory input = new com.sun.jna.Memory(data.length);
    input.write(0, data, 0, data.length);
    Pointer thumb = null;
    Pointer srgb = null;
    Pointer bytes = null;
    try {
      PointerByReference out = new PointerByReference();
      if (vips.vips_thumbnail_buffer(input, new NativeLong(data.length), out, largest,
          "height", largest, "size", SIZE_DOWN, null) != 0) {
        throw ImageRejected.corrupt("cannot decode the image: " + error());
      }
      thumb = out.getValue();
      PointerByReference converted = new PointerByReference();
      if (vips.vips_colourspace(thumb, converted, INTERPRETATION_SRGB, (Object) null) != 0) {
        throw ImageRejected.corrupt("cannot convert the image to sRGB: " + error());
      }
      srgb = converted.getValue();
      if (vips.vips_image_get_format(srgb) != FORMAT_UCHAR) {
        PointerByReference cast = new PointerByReference();
        if (vips.vips_cast_uchar(srgb, cast, (Object) null) != 0) {
          throw ImageRejected.corrupt("cannot convert the image to 8 bits: " + error());
        }
        vips.g_object_unref(srgb);
        srgb = cast.getValue();
      }
      int width = vips.vips_image_get_width(srgb);
      int height = vips.vips_image_get_height(srgb);
      int bands = vips.vips_image_get_bands(srgb);
      NativeLongByReference size = new NativeLongByReference();
      bytes = vips.vips_image_write_to_memory(srgb, size);
      if (bytes == null || size.getValue().longValue() != (long) width * height * bands || bands < 3) {
        throw ImageRejected.corrupt("cannot decode the image: " + error());
      }
      return image(bytes.getByteArray(0, width * height * bands), width, height, bands);
    } finally {
      if (bytes != null) {
        vips.g_free(bytes);
      }
      if (srgb != null) {
        vips.g_object_unref(srgb);
      }
      if (thumb != null) {
        vips.g_object_unref(thumb);
      }
      input.close();
    }
  }

  private String error() {
    String message = vips.vips_error_buffer();
    vips.vips_error_clear();
    return message == null ? "" : message.trim();
  }

  /** Interleaved 8-bit sRGB (with alpha when 4 bands) to an image of the Java engine's kind. */
  private static BufferedImage image(byte[] pixels, int width, int height, int bands) {
    boolean alpha = bands == 4;
    BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int i = 0, p = 0; i < out.length; i++, p += bands) {
      int a = alpha ? pixels[p + 3] & 0xFF : 0xFF;
      out[i] = a << 24 | (pixels[p] & 0xFF) << 16 | (pixels[p + 1] & 0xFF) << 8 | pixels[p + 2] & 0xFF;
    }
    return image;
  }
}
