package dev.parlor.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What the {@code peer} scenario writes and reads, without a server: the latency comes from the echoed send time. */
class PeerFramesTest {

  @Test
  void aBroadcastIsCountedAndTimedFromItsSendTime() {
    Metrics metrics = new Metrics();
    metrics.startMeasuring();
    JsonObject update = new JsonObject(PeerPresenceScenario.update()).put("from", "u7");
    long sent = update.getLong("t");
    PeerPresenceScenario.delivered(update.encode(), metrics);
    PeerPresenceScenario.delivered(PeerPresenceScenario.EngineIo.event("location", update.encode()), metrics);
    metrics.stopMeasuring();
    assertEquals(2, metrics.counter("deliveries"));
    JsonObject delivery = metrics.latenciesJson().getJsonObject("delivery");
    assertEquals(2, delivery.getLong("count"));
    assertTrue(delivery.getDouble("maxMs") < 60_000, "timed from " + sent + ", not from zero");
  }

  @Test
  void socketIoEventsAreEngineIoMessagePacketsOfTheDefaultNamespace() {
    String packet = PeerPresenceScenario.EngineIo.event("location", "{\"t\":1}");
    assertTrue(packet.startsWith("42"), packet);
    assertEquals(new JsonArray().add("location").add(new JsonObject().put("t", 1)), new JsonArray(packet.substring(2)));
  }
}
