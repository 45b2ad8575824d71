package dev.parlor.thumbnail.image;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few libvips (and GLib) functions the worker calls, through JNA; C varargs option lists end with {@code null},
 * gboolean options are ints. {@link #load} initialises libvips once per process for the worker's use: one thread
 * per call (the worker's slots are the parallelism), no operation cache (memory stays that of the images in flight)
 * and only the loaders libvips fuzzes and trusts.
 */
interface LibVips extends Library {

  int SIZE_FORCE = 3;
  int INTERPRETATION_SRGB = 22;
  int FORMAT_UCHAR = 0;
  int FAIL_ON_TRUNCATED = 1;

  int vips_init(String argv0);

  String vips_version_string();

  void vips_concurrency_set(int concurrency);

  void vips_cache_set_max(int max);

  void vips_block_untrusted_set(boolean state);

  int vips_thumbnail_buffer(Pointer buf, NativeLong len, PointerByReference out, int width, Object... options);

  int vips_thumbnail_image(Pointer in, PointerByReference out, int width, Object... options);

  int vips_colourspace(Pointer in, PointerByReference out, int space, Object... options);

  int vips_cast_uchar(Pointer in, PointerByReference out, Object... options);

  int vips_extract_band(Pointer in, PointerByReference out, int band, Object... options);

  int vips_min(Pointer in, DoubleByReference out, Object... options);

  Pointer vips_image_copy_memory(Pointer image);

  int vips_image_get_width(Pointer image);

  int vips_image_get_height(Pointer image);

  int vips_image_get_bands(Pointer image);

  int vips_image_get_format(Pointer image);

  int vips_image_hasalpha(Pointer image);

  int vips_jpegsave_buffer(Pointer in, PointerByReference buf, NativeLongByReference len, Object... options);

  int vips_pngsave_buffer(Pointer in, PointerByReference buf, NativeLongByReference len, Object... options);

  String vips_error_buffer();

  void vips_error_clear();

  void g_object_unref(Pointer object);

  void g_free(Pointer memory);

  /** libvips (8.13 or later), initialised, when it can be loaded here. */
  static Optional<LibVips> load() {
    Logger log = LoggerFactory.getLogger(LibVips.class);
    for (String name : List.of("vips", "libvips.so.42")) {
      try {
        LibVips vips = Native.load(name, LibVips.class);
        if (vips.vips_init("parlor-thumbnail") != 0) {
          log.warn("libvips did not initialise: {}", vips.vips_error_buffer());
          return Optional.empty();
        }
        vips.vips_concurrency_set(1);
        vips.vips_cache_set_max(0);
        // Only the loaders libvips fuzzes and trusts (8.13+): no ImageMagick, PDF, SVG and the like.
        vips.vips_block_untrusted_set(true);
        log.info("libvips {} loaded", vips.vips_version_string());
        return Optional.of(vips);
      } catch (UnsatisfiedLinkError e) {
        log.debug("libvips not loadable as {}: {}", name, e.getMessage());
      }
    }
    return Optional.empty();
  }
}
