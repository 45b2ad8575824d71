package dev.parlor.thumbnail.image;

/** The formats the worker decodes, named as ImageIO names them. Anything else is refused by its magic bytes. */
public enum ImageFormat {
  JPEG("jpeg"),
  PNG("png"),
  GIF("gif"),
  WEBP("webp");

  private final String imageIoName;

  ImageFormat(String imageIoName) {
    this.imageIoName = imageIoName;
  }

  public String imageIoName() {
    return imageIoName;
  }
}
