package dev.parlor.gateway.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryCanaryTest {

  private final DeliveryCanary canary = new DeliveryCanary(100, 500);

  @Test
  void healthyWhileEveryLoopGetsEachCanaryWithinTheBound() {
    int a = canary.watch();
    int b = canary.watch();
    canary.joined(a);
    canary.joined(b);
    long seq = canary.sent(1_000);
    assertTrue(canary.verdict(1_400).healthy(), "not due yet");
    assertEquals(30, canary.delivered(a, seq, 1_030));
    canary.delivered(b, seq, 1_040);
    assertTrue(canary.verdict(1_600).healthy());
    assertEquals(40, canary.verdict(1_600).lastDeliveryMs());
  }

  @Test
  void aLoopThatStopsReceivingTurnsItDownUntilCanariesArriveAgain() {
    int a = canary.watch();
    int b = canary.watch();
    canary.joined(a);
    canary.joined(b);
    long first = canary.sent(1_000);
    canary.delivered(a, first, 1_010);
    DeliveryCanary.Verdict late = canary.verdict(1_501);
    assertFalse(late.healthy());
    assertEquals(List.of(b), late.lateLoops());
    long second = canary.sent(1_600);
    canary.delivered(a, second, 1_610);
    canary.delivered(b, second, 1_620);
    assertTrue(canary.verdict(2_101).healthy(), "a later canary proves the loop receives again");
  }

  @Test
  void canariesSentBeforeALoopJoinedAreNotHeldAgainstIt() {
    canary.sent(1_000);
    int loop = canary.watch();
    assertTrue(canary.verdict(1_600).healthy(), "a loop is not judged before its subscription is live");
    canary.joined(loop);
    assertTrue(canary.verdict(1_600).healthy());
    canary.sent(1_650);
    assertFalse(canary.verdict(2_151).healthy());
  }

  @Test
  void noCanarySentForLongerThanTheBoundIsUnhealthy() {
    canary.sent(1_000);
    assertTrue(canary.verdict(1_700).healthy(), "nothing joined, nothing late");
    assertFalse(canary.verdict(1_701).healthy(), "the publisher stopped");
  }
}
