package dev.parlor.gateway.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class UploadRulesTest {

  @Test
  void onlyImageTypesWeDecodeAreAccepted() {
    assertEquals("image/png", UploadRules.acceptedType("image/png"));
    assertEquals("image/jpeg", UploadRules.acceptedType("Image/JPEG; charset=binary"));
    assertEquals("image/webp", UploadRules.acceptedType("image/webp"));
    assertNull(UploadRules.acceptedType("image/svg+xml"));
    assertNull(UploadRules.acceptedType("application/pdf"));
    assertNull(UploadRules.acceptedType("text/html"));
    assertNull(UploadRules.acceptedType(null));
  }

  @Test
  void bearerTokenIsTakenFromItsHeader() {
    assertEquals("abc", UploadRules.bearer("Bearer abc"));
    assertEquals("abc", UploadRules.bearer("bearer  abc "));
    assertNull(UploadRules.bearer("Basic abc"));
    assertNull(UploadRules.bearer("Bearer "));
    assertNull(UploadRules.bearer(null));
  }

  @Test
  void thumbnailPathsAreOnlyTheOnesWeWrite() {
    String sha = "a".repeat(64);
    assertTrue(UploadRules.validSource(sha));
    assertFalse(UploadRules.validSource("../../etc/passwd"));
    assertTrue(UploadRules.validThumbnailFile("256.jpg"));
    assertTrue(UploadRules.validThumbnailFile("64.png"));
    assertFalse(UploadRules.validThumbnailFile("512.jpg"));
    assertFalse(UploadRules.validThumbnailFile("64.svg"));
    assertEquals("image/png", UploadRules.contentTypeOf("64.png"));
  }

  @Test
  void bodyLimitStopsCollectingPastTheLimit() {
    BodyLimit limit = new BodyLimit(10);
    assertTrue(limit.add(Buffer.buffer("12345")));
    assertTrue(limit.add(Buffer.buffer("67890")));
    assertFalse(limit.add(Buffer.buffer("x")));
    assertTrue(limit.exceeded());
    assertEquals(-1, UploadRules.declaredLength("nope"));
    assertEquals(42, UploadRules.declaredLength(" 42"));
  }
}
