package dev.parlor.thumbnail.image;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes in, thumbnails out: inspect (refuse before decoding), decode the first frame, convert to sRGB, scale each
 * box size from the previous larger result, then apply the EXIF orientation and encode. Pure and blocking.
 */
public final class ThumbnailMaker implements Thumbnailer {

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
  @Override
  public Map<Integer, Encoder.Encoded> make(byte[] data) throws ImageRejected {
    ImageInfo info = inspector.inspect(data);
    return fromDecoded(Srgb.ensure(Decoder.decode(data, info)), info.orientation());
  }

  /** The thumbnails of an image already decoded (sRGB), with its EXIF orientation still to apply (1: none). */
  Map<Integer, Encoder.Encoded> fromDecoded(BufferedImage decoded, int orientation) {
    int width = decoded.getWidth();
    int height = decoded.getHeight();
    boolean swap = Orientation.swapsAxes(orientation);
    Map<Integer, Encoder.Encoded> out = new LinkedHashMap<>();
    Pixels previous = null;
    for (int box : boxes) {
      // Fit the displayed (oriented) size, then scale the stored pixels to the matching stored size.
      int[] shown = swap ? Downscaler.fit(height, width, box) : Downscaler.fit(width, height, box);
      int storedW = swap ? shown[1] : shown[0];
      int storedH = swap ? shown[0] : shown[1];
      // The largest box reads the decoded image once; smaller ones start from the previous, already filtered, result.
      previous = previous == null ? Downscaler.resize(decoded, storedW, storedH)
        : Downscaler.resize(previous, storedW, storedH);
      out.put(box, Encoder.encode(Orientation.apply(previous, orientation), jpegQuality));
    }
    return out;
  }
}
