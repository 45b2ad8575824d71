package dev.parlor.gateway.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceBoardTest {

  private final InstanceBoard board = new InstanceBoard(List.of("gateway", "game", "thumbnail"), 60_000);

  private static JsonObject beacon(String nodeId, boolean last, JsonObject... services) {
    return new JsonObject().put("nodeId", nodeId).put("intervalMs", 1_000).put("final", last)
      .put("services", new JsonArray(List.of((Object[]) services))).put("ports", new JsonObject().put("game.management", 9181));
  }

  private static JsonObject service(String name, String status, JsonObject stats) {
    return new JsonObject().put("name", name).put("status", status).put("failing", new JsonArray()).put("stats", stats);
  }

  private static JsonArray instances(JsonObject view, String service) {
    for (Object s : view.getJsonArray("services")) {
      if (((JsonObject) s).getString("name").equals(service)) {
        return ((JsonObject) s).getJsonArray("instances");
      }
    }
    throw new AssertionError("no service " + service + " in " + view.encode());
  }

  @Test
  void anExpectedServiceWithNoInstanceIsListedEmptyAndItsFiguresAreUnknown() {
    JsonObject view = board.snapshot(0);
    assertEquals(List.of(), instances(view, "thumbnail").getList());
    assertNull(view.getValue("gamesInProgress"));
    assertNull(view.getValue("sessions"));
  }

  @Test
  void anInstanceIsUpUntilThreeBeaconsAreMissedThenDownThenForgotten() {
    board.record(beacon("n1", false, service("game", "UP", new JsonObject().put("gamesInProgress", 4))), 10_000);
    assertEquals("UP", instances(board.snapshot(13_000), "game").getJsonObject(0).getString("status"));
    assertEquals(4, board.snapshot(13_000).getInteger("gamesInProgress"));
    JsonObject silent = instances(board.snapshot(13_001), "game").getJsonObject(0);
    assertEquals("DOWN", silent.getString("status"));
    assertEquals(3_001, silent.getJsonObject("detail").getLong("silentForMs"));
    assertNull(board.snapshot(13_001).getValue("gamesInProgress"), "a silent instance's figures are not shown");
    assertEquals(List.of(), instances(board.snapshot(70_001), "game").getList());
  }

  @Test
  void aLastBeaconTurnsTheInstanceDownAtOnce() {
    board.record(beacon("n1", false, service("game", "UP", new JsonObject())), 0);
    board.record(beacon("n1", true, service("game", "DOWN", new JsonObject())), 100);
    JsonObject instance = instances(board.snapshot(200), "game").getJsonObject(0);
    assertEquals("DOWN", instance.getString("status"));
    assertTrue(instance.getJsonObject("detail").getBoolean("stopped"));
    assertEquals(9181, instance.getJsonObject("detail").getInteger("managementPort"));
  }

  @Test
  void aPeriodicBeaconThatArrivesAfterTheLastOneDoesNotBringTheInstanceBack() {
    // The last beacon is sent by the stopping thread, a periodic one from an event loop: they can cross.
    board.record(beacon("n1", true, service("game", "DOWN", new JsonObject())), 100);
    board.record(beacon("n1", false, service("game", "UP", new JsonObject())), 110);
    JsonObject instance = instances(board.snapshot(200), "game").getJsonObject(0);
    assertEquals("DOWN", instance.getString("status"));
    assertTrue(instance.getJsonObject("detail").getBoolean("stopped"));
  }

  @Test
  void sessionsAreSummedOverGatewaysAndClusterFiguresComeFromTheFreshestBeacon() {
    board.record(beacon("a", false, service("gateway", "UP", new JsonObject().put("sessions", 3)),
      service("game", "UP", new JsonObject().put("gamesInProgress", 1).put("queueDepth", 0))), 0);
    board.record(beacon("b", false, service("gateway", "DOWN", new JsonObject().put("sessions", 2)),
      service("game", "UP", new JsonObject().put("gamesInProgress", 2).put("queueDepth", 5))), 500);
    JsonObject view = board.snapshot(600);
    assertEquals(5, view.getInteger("sessions"), "a gateway that is not ready still holds its sessions");
    assertEquals(2, view.getInteger("gamesInProgress"));
    assertEquals(5, view.getInteger("queueDepth"));
    assertEquals(List.of("a", "b"), instances(view, "gateway").stream().map(i -> ((JsonObject) i).getString("id"))
      .toList());
  }

  @Test
  void aMalformedBeaconIsIgnored() {
    board.record("nonsense", 0);
    board.record(new JsonObject().put("nodeId", "x").put("intervalMs", 0).put("services", new JsonArray()), 0);
    board.record(new JsonObject().put("nodeId", "x").put("intervalMs", 1000).put("services", new JsonArray()
      .add("game").add(new JsonObject().put("status", "UP"))), 0);
    assertEquals(3, board.snapshot(0).getJsonArray("services").size());
    assertEquals(List.of(), instances(board.snapshot(0), "game").getList());
  }
}
