package dev.parlor.presence.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.presence.Location;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresenceArgsTest {

  @ParameterizedTest
  @ValueSource(strings = {"lobby", "map", "game:abc123", "a", "A-b_c:d.e",
    "x234567890123456789012345678901234567890123456789012345678901234"})
  void acceptsRoomNamesOfTheProtocol(String room) {
    assertEquals(room, PresenceArgs.room(new JsonObject().put("room", room)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "émoji", "a/b", "{tag}", "semi;colon",
    "x2345678901234567890123456789012345678901234567890123456789012345"})
  void refusesOtherRoomNames(String room) {
    assertThrows(InvalidArgs.class, () -> PresenceArgs.room(new JsonObject().put("room", room)));
  }

  @Test
  void refusesMissingOrNonStringRoom() {
    assertThrows(InvalidArgs.class, () -> PresenceArgs.room(new JsonObject()));
    assertThrows(InvalidArgs.class, () -> PresenceArgs.room(new JsonObject().put("room", 7)));
    assertThrows(InvalidArgs.class, () -> PresenceArgs.room(null));
  }

  @Test
  void omittedPartsAreKeptAndNullClears() {
    PresenceUpdate omitted = PresenceArgs.update(new JsonObject().put("room", "map"));
    assertFalse(omitted.setsStatus());
    assertFalse(omitted.setsLocation());
    PresenceUpdate cleared = PresenceArgs.update(new JsonObject().put("room", "map").putNull("location")
      .putNull("status"));
    assertTrue(cleared.setsLocation());
    assertNull(cleared.location());
    assertTrue(cleared.setsStatus());
    assertNull(cleared.status());
  }

  @Test
  void acceptsLocationsAtTheirBounds() {
    PresenceUpdate update = PresenceArgs.update(new JsonObject().put("room", "map").put("status", "x".repeat(64))
      .put("location", new JsonObject().put("lat", -90).put("lon", 180).put("heading", 359.99)));
    assertEquals(new Location(-90, 180, 359.99), update.location());
    assertEquals(new Location(90, -180, 0.0), PresenceArgs.update(new JsonObject().put("room", "map")
      .put("location", new JsonObject().put("lat", 90.0).put("lon", -180).put("heading", 0))).location());
    assertNull(PresenceArgs.update(new JsonObject().put("room", "map")
      .put("location", new JsonObject().put("lat", 1).put("lon", 2))).location().heading());
  }

  @Test
  void statusCountsCharactersNotUtf16Units() {
    String sixtyFourEmoji = "\uD83D\uDE00".repeat(64);
    assertEquals(sixtyFourEmoji, PresenceArgs.update(new JsonObject().put("room", "map")
      .put("status", sixtyFourEmoji)).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"room\":\"map\",\"status\":7}",
    "{\"room\":\"map\",\"status\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}",
    "{\"room\":\"map\",\"location\":\"here\"}",
    "{\"room\":\"map\",\"location\":{}}",
    "{\"room\":\"map\",\"location\":{\"lat\":90.0001,\"lon\":0}}",
    "{\"room\":\"map\",\"location\":{\"lat\":-91,\"lon\":0}}",
    "{\"room\":\"map\",\"location\":{\"lat\":0,\"lon\":180.5}}",
    "{\"room\":\"map\",\"location\":{\"lat\":0,\"lon\":-181}}",
    "{\"room\":\"map\",\"location\":{\"lat\":0,\"lon\":0,\"heading\":360}}",
    "{\"room\":\"map\",\"location\":{\"lat\":0,\"lon\":0,\"heading\":-0.5}}",
    "{\"room\":\"map\",\"location\":{\"lat\":\"1\",\"lon\":0}}",
    "{\"room\":\"map\",\"location\":{\"lat\":0,\"lon\":true}}",
    "{\"room\":\"map\",\"location\":{\"lat\":0,\"lon\":0,\"heading\":\"north\"}}",
    "{\"room\":\"bad room\",\"status\":\"ok\"}"
  })
  void refusesBadUpdates(String body) {
    assertThrows(InvalidArgs.class, () -> PresenceArgs.update(new JsonObject(body)));
  }
}
