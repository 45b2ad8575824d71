package dev.parlor.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parlor.runtime.config.ServiceConfig;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThumbnailSettingsTest {

  @Test
  void sizesAreReadAsListed() {
    assertEquals(List.of(64, 128, 256), ThumbnailSettings.sizes(sizes("64,128,256")));
    assertEquals(List.of(256), ThumbnailSettings.sizes(sizes(" 256 ")));
  }

  @Test
  void aSizeClientsHaveNoUrlForIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ThumbnailSettings.sizes(sizes("256,512")));
  }

  @Test
  void noSizeAtAllIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ThumbnailSettings.sizes(sizes(" , ")));
  }

  private static ServiceConfig sizes(String value) {
    return new ServiceConfig(new JsonObject().put(ThumbnailSettings.SIZES, value));
  }
}
