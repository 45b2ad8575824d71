package dev.parlor.gateway.session;

/**
 * A guest's display name: 1–24 code points of letters (any script), digits, space, {@code _ . -}, not blank, with
 * leading and trailing spaces trimmed.
 */
public final class GuestName {

  public static final int MAX_CODE_POINTS = 24;

  private GuestName() {
  }

  /** The trimmed name, or {@code null} when it is not a valid name. */
  public static String parse(Object value) {
    if (!(value instanceof String raw)) {
      return null;
    }
    String name = raw.strip();
    int count = name.codePointCount(0, name.length());
    if (count < 1 || count > MAX_CODE_POINTS) {
      return null;
    }
    boolean allowed = name.codePoints().allMatch(c -> Character.isLetter(c) || Character.isDigit(c)
      || c == ' ' || c == '_' || c == '.' || c == '-');
    return allowed ? name : null;
  }
}
