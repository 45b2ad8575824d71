package dev.parlor.thumbnail.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes in, thumbnails out: inspect (refuse before decoding), decode the first frame, convert to sRGB, scale each
 * box size from the previous larger result, then apply the EXIF orientation and encode. Pure and blocking.
 */
public final class ThumbnailMaker {

  private final ImageInspector inspector;
  private final List<Integer> boxes;
  private final float jpegQuality;

  /** {@code boxes} from largest to smallest is not required: they are sorted here. */
  public ThumbnailMaker(ImageLimits limits, List<Integer> boxes, float jpegQuality) {
    this.inspector = new ImageInspector(limits);
    this.boxes = boxes.stream().sorted(java.util.Comparator.reverseOrder()).toList();
    this.jpegQuality = jpegQuality;
  }

  /** Thumbnails by box size. */
  public Map<Integer, Encoder.Encoded> make(byte[] data) throws ImageRejected {
    ImageInfo info = inspector.inspect(data);
    Pixels pixels = Pixels.fromImage(Decoder.decode(data, info));
    boolean swap = Orientation.swapsAxes(info.orientation());
    Map<Integer, Encoder.Encoded> out = new LinkedHashMap<>();
    Pixels previous = pixels;
    for (int box : boxes) {
      // Fit the displayed (oriented) size, then scale the stored pixels to the matching stored size.
      int[] shown = swap ? Downscaler.fit(pixels.height(), pixels.width(), box)
        : Downscaler.fit(pixels.width(), pixels.height(), box);
      int storedW = swap ? shown[1] : shown[0];
      int storedH = swap ? shown[0] : shown[1];
      previous = Downscaler.resize(previous, storedW, storedH);
      out.put(box, Encoder.encode(Orientation.apply(previous, info.orientation()), jpegQuality));
    }
    return out;
  }
}
