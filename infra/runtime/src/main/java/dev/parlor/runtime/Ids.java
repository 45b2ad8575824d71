package dev.parlor.runtime;

import java.security.SecureRandom;

/** Random identifiers: URL-safe base62, from a {@link SecureRandom}, so ids and invite codes cannot be guessed. */
public final class Ids {

  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  /** Bytes from here up would favour the first symbols (256 = 4 × 62 + 8), so they are drawn again. */
  private static final int UNBIASED_LIMIT = 256 - 256 % ALPHABET.length;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {
  }

  /**
   * {@code length} base62 characters: 16 of them carry about 95 bits. The bytes come from one draw of the shared
   * generator (a lock and, on Linux, a read of the kernel's pool each), not one draw per character.
   */
  public static String random(int length) {
    char[] out = new char[length];
    byte[] bytes = new byte[length + length / 8 + 1];
    int next = bytes.length;
    for (int i = 0; i < length; ) {
      if (next == bytes.length) {
        RANDOM.nextBytes(bytes);
        next = 0;
      }
      int b = bytes[next++] & 0xFF;
      if (b < UNBIASED_LIMIT) {
        out[i++] = ALPHABET[b % ALPHABET.length];
      }
    }
    return new String(out);
  }
}
