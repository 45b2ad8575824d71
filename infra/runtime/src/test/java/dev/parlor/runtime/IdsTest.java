package dev.parlor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  @Test
  void idsHaveTheAskedLengthInBase62AndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int length : new int[] {1, 6, 12, 15, 16, 40}) {
      for (int i = 0; i < 2_000; i++) {
        String id = Ids.random(length);
        assertEquals(length, id.length(), id);
        assertTrue(id.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0), id);
        if (length >= 12) {
          assertTrue(seen.add(id), "repeated " + id);
        }
      }
    }
  }

  @Test
  void everySymbolIsEquallyLikely() {
    // 1,240,000 symbols, 20,000 expected of each. Taking a byte modulo 62 without redrawing the top 8 values
    // would give the first 8 symbols 25 % more: a chi-square near 8,000 against a bound of 120
    // (61 degrees of freedom; a fair generator exceeds 120 about once in two million runs).
    int[] counts = new int[ALPHABET.length()];
    for (int i = 0; i < 31_000; i++) {
      for (char c : Ids.random(40).toCharArray()) {
        counts[ALPHABET.indexOf(c)]++;
      }
    }
    double expected = 31_000 * 40.0 / ALPHABET.length();
    double chiSquare = 0;
    for (int count : counts) {
      chiSquare += (count - expected) * (count - expected) / expected;
    }
    assertTrue(chiSquare < 120, "chi-square " + chiSquare);
  }
}
