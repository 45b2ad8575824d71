package dev.parlor.runtime;

import java.security.SecureRandom;

/** Random identifiers: URL-safe base62, from a {@link SecureRandom}, so ids and invite codes cannot be guessed. */
public final class Ids {

  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {
  }

  /** {@code length} base62 characters: 16 of them carry about 95 bits. */
  public static String random(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
