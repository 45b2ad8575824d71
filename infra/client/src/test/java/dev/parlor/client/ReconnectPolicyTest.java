package dev.parlor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

  private static ReconnectPolicy policy() {
    return new ReconnectPolicy(new Backoff(100, 1_000, bound -> bound), bound -> bound);
  }

  @Test
  void beforeTheFirstWelcomeOnlyTheAttemptsAskedForAreMade() {
    ReconnectPolicy policy = policy();
    policy.initialAttempts(3);
    assertEquals(100, policy.nextDelayMs(-1));
    assertEquals(200, policy.nextDelayMs(-1));
    assertEquals(ReconnectPolicy.GIVE_UP, policy.nextDelayMs(-1), "three attempts in all");
  }

  @Test
  void afterAWelcomeItAlwaysRetriesWithBackoffStartingAgain() {
    ReconnectPolicy policy = policy();
    assertFalse(policy.welcomed());
    for (int i = 0; i < 10; i++) {
      assertTrue(policy.nextDelayMs(1006) > 0);
    }
    assertTrue(policy.welcomed(), "a second welcome is a resume");
    assertEquals(100, policy.nextDelayMs(1001), "the backoff starts over after a welcome");
  }

  @Test
  void aPolicyCloseIsFinal() {
    ReconnectPolicy policy = policy();
    policy.welcomed();
    assertEquals(ReconnectPolicy.GIVE_UP, policy.nextDelayMs(1008));
    ReconnectPolicy busy = policy();
    busy.welcomed();
    assertEquals(100, busy.nextDelayMs(1008, true), "a hello the gateway got too late is dialled again");
  }

  @Test
  void aReconnectFrameSetsTheNextDelayAndGatewayOnce() {
    ReconnectPolicy policy = policy();
    policy.welcomed();
    policy.nextDelayMs(1006);
    policy.nextDelayMs(1006);
    policy.hint("http://127.0.0.1:9", 20, 30);
    assertEquals(50, policy.nextDelayMs(1012), "the server's delay plus its jitter, not the grown backoff");
    assertEquals("http://127.0.0.1:9", policy.takeHintGateway());
    assertNull(policy.takeHintGateway());
    assertEquals(400, policy.nextDelayMs(1006), "then the backoff goes on where it was");
  }
}
