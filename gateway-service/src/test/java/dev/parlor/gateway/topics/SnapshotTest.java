package dev.parlor.gateway.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotTest {

  private static final JsonObject GAME = new JsonObject().put("game", new JsonObject().put("gameId", "g1")
    .put("board", new JsonArray().add("x\"o").add((Object) null)).put("note", "caf\u00e9 \u2603"));

  @Test
  void aDurableResultHasTheTopicSnapshotOffsetEpochAndRecovered() {
    Snapshot answer = new Snapshot(GAME, 7, "ep\"1", true, List.of());
    JsonObject expected = new JsonObject().put("topic", "game:g1").put("snapshot", GAME).put("offset", 7L)
      .put("epoch", "ep\"1").put("recovered", true);
    assertEquals(expected.encode(), answer.resultText("game:g1"));
    assertEquals(expected, new JsonObject(answer.resultText("game:g1")));
  }

  @Test
  void recoveredIsLeftOutWhenNoSinceWasAskedAndEphemeralTopicsHaveOnlyTheirSnapshot() {
    assertEquals(new JsonObject().put("topic", "game:g1").put("snapshot", GAME).put("offset", 3L).put("epoch", "e")
      .encode(), new Snapshot(GAME, 3, "e", null, List.of()).resultText("game:g1"));
    assertEquals(new JsonObject().put("topic", "lobby").put("snapshot", new JsonObject().put("games", new JsonArray()))
      .encode(), Snapshot.ephemeral(new JsonObject().put("games", new JsonArray())).resultText("lobby"));
  }
}
