package dev.parlor.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  @Test
  void sourceRangesExpandToEveryAddress() {
    LoadOptions options = LoadOptions.parse("--sources", "127.0.0.2-127.0.0.4,127.0.1.9");
    assertEquals(List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.1.9"), options.sources());
  }

  @Test
  void onlyLoopbackGatewaysAndSourcesAreAccepted() {
    IllegalArgumentException remote = assertThrows(IllegalArgumentException.class,
      () -> LoadOptions.parse("--url", "http://127.0.0.1:8081,http://10.0.0.5:8080"));
    assertTrue(remote.getMessage().contains("127.0.0.0/8"), remote.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--sources", "192.168.1.2"));
    assertEquals(2, LoadOptions.parse("--url", "http://127.0.0.1:8081,http://127.0.0.2:8082").gateways().size());
  }

  @Test
  void aRunIsBoundedInTimeAndInDescriptors() {
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--duration", "0"));
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--duration", "100000"));
    LoadOptions options = LoadOptions.parse();
    options.requireConnections(19_000);
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
      () -> options.requireConnections(19_600));
    assertTrue(tooMany.getMessage().contains("several processes"), tooMany.getMessage());
  }

  @Test
  void malformedArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("games"));
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--games"));
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--native-transport", "flase"),
      "a misspelt switch is refused, not read as false");
    assertEquals(false, LoadOptions.parse("--native-transport", "false").flag("native-transport", true));
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--gc-before-measure", "no"));
    assertEquals(false, LoadOptions.parse("--gc-before-measure", "false").flag("gc-before-measure", true));
  }
}
