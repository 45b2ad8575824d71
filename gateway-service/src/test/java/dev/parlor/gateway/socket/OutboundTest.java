package dev.parlor.gateway.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded outbound queue against a transport whose buffer the test fills and drains. */
class OutboundTest {

  private static final class FakeTransport implements Transport {
    final List<String> written = new ArrayList<>();
    boolean full;
    Runnable drain;

    @Override
    public boolean writeQueueFull() {
      return full;
    }

    @Override
    public void write(String text) {
      written.add(text);
    }

    @Override
    public void onDrain(Runnable drain) {
      this.drain = drain;
    }

    @Override
    public void close(short code, String reason) {
    }

    @Override
    public boolean pings() {
      return true;
    }

    @Override
    public void ping() {
    }

    @Override
    public String remoteIp() {
      return "127.0.0.1";
    }
  }

  @Test
  void slowClientLosesEphemeralEventsFirstThenOverflowsOnDurableOnes() {
    FakeTransport transport = new FakeTransport();
    Outbound outbound = new Outbound(transport, 10);
    assertTrue(outbound.send("a", Outbound.Kind.EPHEMERAL));
    transport.full = true;
    assertTrue(outbound.send("presence", Outbound.Kind.EPHEMERAL));
    assertEquals(1, outbound.dropped());
    assertTrue(outbound.send("durable1", Outbound.Kind.DURABLE));
    assertFalse(outbound.send("durable2", Outbound.Kind.DURABLE), "over the bound: the session must close");
    assertEquals(List.of("a"), transport.written);
    transport.full = false;
    transport.drain.run();
    assertEquals(List.of("a", "durable1"), transport.written);
  }

  @Test
  void queuedFramesKeepTheirOrderBehindLaterOnes() {
    FakeTransport transport = new FakeTransport();
    Outbound outbound = new Outbound(transport, 100);
    transport.full = true;
    outbound.send("1", Outbound.Kind.CONTROL);
    transport.full = false;
    outbound.send("2", Outbound.Kind.DURABLE);
    assertEquals(List.of(), transport.written, "nothing overtakes a queued frame");
    transport.drain.run();
    assertEquals(List.of("1", "2"), transport.written);
  }
}
