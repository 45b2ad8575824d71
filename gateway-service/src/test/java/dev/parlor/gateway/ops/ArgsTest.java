package dev.parlor.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parlor.contracts.protocol.Ops;
import dev.parlor.gateway.socket.Frame;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Argument shapes and the frame envelope, without a server. */
class ArgsTest {

  @Test
  void everyForwardedOpHasARoute() {
    OpTable table = OpTable.standard(1_000);
    for (String op : Ops.ALL) {
      boolean gatewayOwn = op.equals(Ops.PING) || op.equals(Ops.SUBSCRIBE) || op.equals(Ops.UNSUBSCRIBE);
      assertEquals(!gatewayOwn, table.route(op) != null, op);
    }
  }

  @Test
  void presenceSetKeepsNullsThatClearAndDropsUnknownFields() throws InvalidArgs {
    JsonObject body = Args.presenceSet(new JsonObject().put("room", "r").put("location", null).put("x", 1));
    assertEquals(new JsonObject().put("room", "r").put("location", null), body);
    assertEquals(new JsonObject().put("room", "r"), Args.presenceSet(new JsonObject().put("room", "r")));
  }

  @Test
  void headingIsBelow360AndLatitudeMayBe90() throws InvalidArgs {
    assertNotNull(Args.presenceSet(new JsonObject().put("room", "r").put("location",
      new JsonObject().put("lat", 90).put("lon", -180).put("heading", 359.9))));
    assertThrows(InvalidArgs.class, () -> Args.presenceSet(new JsonObject().put("room", "r").put("location",
      new JsonObject().put("lat", 0).put("lon", 0).put("heading", -1))));
  }

  @Test
  void frameEnvelopeNeedsAnObjectWithStringTypeAndShortId() {
    assertNull(Frame.parse("[]"));
    assertNull(Frame.parse("{\"type\":1}"));
    assertNull(Frame.parse("{\"type\":\"x\",\"id\":\"\"}"));
    assertEquals("x", Frame.parse("{\"type\":\"x\"}").type());
    assertEquals(new JsonObject().put("a", 1), Frame.parse("{\"type\":\"x\",\"id\":\"1\",\"a\":1}").arguments());
  }
}
