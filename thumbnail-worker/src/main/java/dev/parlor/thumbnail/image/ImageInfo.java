package dev.parlor.thumbnail.image;

/** What the header and structure of an input say: its real format, size, frame count and EXIF orientation (1-8). */
public record ImageInfo(ImageFormat format, int width, int height, int frames, int orientation) {
}
