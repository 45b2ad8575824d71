package dev.parlor.thumbnail.image;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every thumbnail made and encoded by libvips in this process (through JNA, so it runs on the project's Java 17 as on
 * later JDKs). The largest comes from {@code vips_thumbnail_buffer}, which decodes a JPEG already shrunk (DCT
 * scaling), applies the EXIF orientation and converts to sRGB; each smaller one is scaled from the one before, held
 * in memory, so the original is decoded once; all are written fresh by libvips' encoders with metadata stripped. The
 * Java engine's header checks run first, so bombs and foreign formats never reach libvips, and sizes are fitted to
 * the original as the Java engine fits them, so both engines give the same sizes and formats.
 */
public final class LibVipsThumbnailer implements Thumbnailer {

  private static final String JPG = "jpg";
  private static final String PNG = "png";
  private static final double OPAQUE = 255;

  private static volatile Optional<LibVips> loaded;

  private final LibVips vips;
  private final ImageInspector inspector;
  private final List<Integer> boxes;
  private final int quality;

  private LibVipsThumbnailer(LibVips vips, ImageLimits limits, List<Integer> boxes, float jpegQuality) {
    this.vips = vips;
    this.inspector = new ImageInspector(limits);
    this.boxes = boxes.stream().sorted(Comparator.reverseOrder()).toList();
    this.quality = Math.round(jpegQuality * 100);
  }

  /** The engine, when libvips (8.13 or later) can be loaded here. */
  public static Optional<LibVipsThumbnailer> create(ImageLimits limits, List<Integer> boxes, float jpegQuality) {
    return library().map(vips -> new LibVipsThumbnailer(vips, limits, boxes, jpegQuality));
  }

  /** Whether libvips can be loaded here. */
  public static boolean available() {
    return library().isPresent();
  }

  private static synchronized Optional<LibVips> library() {
    if (loaded == null) {
      loaded = LibVips.load();
    }
    return loaded;
  }

  @Override
  public Map<Integer, Encoder.Encoded> make(byte[] data) throws ImageRejected {
    ImageInfo info = inspector.inspect(data);
    boolean swap = Orientation.swapsAxes(info.orientation());
    int shownWidth = swap ? info.height() : info.width();
    int shownHeight = swap ? info.width() : info.height();
    Map<Integer, Encoder.Encoded> out = new LinkedHashMap<>();
    // libvips reads the pixels lazily, after this call returns: the input must live in native memory until the end.
    try (Memory input = new Memory(Math.max(1, data.length)); Images images = new Images()) {
      input.write(0, data, 0, data.length);
      Pointer previous = null;
      for (int box : boxes) {
        int[] size = Downscaler.fit(shownWidth, shownHeight, box);
        previous = previous == null ? largest(input, data.length, size, info.orientation(), images)
          : images.memory(images.keep(scaled(previous, size)));
        out.put(box, encode(previous, images));
      }
    }
    return out;
  }

  /**
   * The largest size, decoded once into memory as 8-bit sRGB. libvips applies the orientation only when the header
   * checks found one (JPEG EXIF), as the Java engine does, and its output is forced to the fitted size.
   */
  private Pointer largest(Memory input, int length, int[] size, int orientation, Images images)
    throws ImageRejected {
    PointerByReference out = new PointerByReference();
    check(vips.vips_thumbnail_buffer(input, new NativeLong(length), out, size[0], "height", size[1],
      "size", LibVips.SIZE_FORCE, "no_rotate", orientation <= 1 ? 1 : 0, "fail_on", LibVips.FAIL_ON_TRUNCATED,
      null), "cannot decode the image");
    Pointer image = images.keep(out.getValue());
    PointerByReference srgb = new PointerByReference();
    check(vips.vips_colourspace(image, srgb, LibVips.INTERPRETATION_SRGB, (Object) null),
      "cannot convert the image to sRGB");
    image = images.keep(srgb.getValue());
    if (vips.vips_image_get_format(image) != LibVips.FORMAT_UCHAR) {
      PointerByReference cast = new PointerByReference();
      check(vips.vips_cast_uchar(image, cast, (Object) null), "cannot convert the image to 8 bits");
      image = images.keep(cast.getValue());
    }
    return images.memory(image);
  }

  private Pointer scaled(Pointer from, int[] size) throws ImageRejected {
    PointerByReference out = new PointerByReference();
    check(vips.vips_thumbnail_image(from, out, size[0], "height", size[1], "size", LibVips.SIZE_FORCE,
      "no_rotate", 1, null), "cannot scale the image");
    return out.getValue();
  }

  /** PNG when some pixel is not opaque, else JPEG (an alpha channel that is opaque everywhere is dropped). */
  private Encoder.Encoded encode(Pointer image, Images images) throws ImageRejected {
    if (vips.vips_image_hasalpha(image) != 0) {
      int alphaBand = vips.vips_image_get_bands(image) - 1;
      if (min(band(image, alphaBand, 1, images)) < OPAQUE) {
        return new Encoder.Encoded(save(image, PNG), PNG, "image/png");
      }
      image = band(image, 0, alphaBand, images);
    }
    return new Encoder.Encoded(save(image, JPG), JPG, "image/jpeg");
  }

  private Pointer band(Pointer image, int first, int count, Images images) throws ImageRejected {
    PointerByReference out = new PointerByReference();
    check(vips.vips_extract_band(image, out, first, "n", count, null), "cannot read the image's bands");
    return images.keep(out.getValue());
  }

  private double min(Pointer image) throws ImageRejected {
    DoubleByReference min = new DoubleByReference();
    check(vips.vips_min(image, min, (Object) null), "cannot read the image's alpha");
    return min.getValue();
  }

  private byte[] save(Pointer image, String format) throws ImageRejected {
    PointerByReference buffer = new PointerByReference();
    NativeLongByReference length = new NativeLongByReference();
    int status = format.equals(PNG) ? vips.vips_pngsave_buffer(image, buffer, length, "strip", 1, null)
      : vips.vips_jpegsave_buffer(image, buffer, length, "Q", quality, "strip", 1, null);
    check(status, "cannot encode the thumbnail");
    try {
      return buffer.getValue().getByteArray(0, Math.toIntExact(length.getValue().longValue()));
    } finally {
      vips.g_free(buffer.getValue());
    }
  }

  private void check(int status, String what) throws ImageRejected {
    if (status != 0) {
      throw ImageRejected.corrupt(what + ": " + error());
    }
  }

  private String error() {
    String message = vips.vips_error_buffer();
    vips.vips_error_clear();
    return message == null ? "" : message.trim();
  }

  /** The images of one call, released together at its end. */
  private final class Images implements AutoCloseable {

    private final Deque<Pointer> held = new ArrayDeque<>();

    Pointer keep(Pointer image) {
      held.push(image);
      return image;
    }

    /** The image computed into memory, so that what reads it next (smaller sizes, encoders) does not recompute it. */
    Pointer memory(Pointer image) throws ImageRejected {
      Pointer copy = vips.vips_image_copy_memory(image);
      if (copy == null) {
        throw ImageRejected.corrupt("cannot decode the image: " + error());
      }
      return keep(copy);
    }

    @Override
    public void close() {
      held.forEach(vips::g_object_unref);
    }
  }
}
