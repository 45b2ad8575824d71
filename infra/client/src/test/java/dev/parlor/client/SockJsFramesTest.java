package dev.parlor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SockJsFramesTest {

  @Test
  void serverFramesAreDecoded() {
    assertInstanceOf(SockJsFrames.Open.class, SockJsFrames.decode("o"));
    assertInstanceOf(SockJsFrames.Heartbeat.class, SockJsFrames.decode("h"));
    assertEquals(new SockJsFrames.Messages(List.of("{\"type\":\"welcome\"}", "{\"a\":\"\\\"\"}")),
      SockJsFrames.decode("a[\"{\\\"type\\\":\\\"welcome\\\"}\",\"{\\\"a\\\":\\\"\\\\\\\"\\\"}\"]"));
    assertEquals(new SockJsFrames.Messages(List.of("x")), SockJsFrames.decode("m\"x\""));
    assertEquals(new SockJsFrames.Close(3000, "Go away!"), SockJsFrames.decode("c[3000,\"Go away!\"]"));
  }

  @Test
  void aClientMessageIsOneJsonStringInAnArray() {
    assertEquals("[\"{\\\"type\\\":\\\"ping\\\"}\"]", SockJsFrames.encode("{\"type\":\"ping\"}"));
  }

  @Test
  void framesSockJsNeverSendsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SockJsFrames.decode(""));
    assertThrows(IllegalArgumentException.class, () -> SockJsFrames.decode("x[]"));
    assertThrows(IllegalArgumentException.class, () -> SockJsFrames.decode("a[not json"));
  }
}
