package dev.parlor.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limit rules on a fake clock: no Vert.x, no waiting. */
class LimitsRulesTest {

  @Test
  void bucketAllowsBurstThenRefillsAtItsRate() {
    TokenBucket bucket = new TokenBucket(50, 100, 0);
    for (int i = 0; i < 100; i++) {
      assertTrue(bucket.tryTake(0));
    }
    assertFalse(bucket.tryTake(0));
    assertTrue(bucket.tryTake(20));
    assertFalse(bucket.tryTake(20));
    assertTrue(bucket.isFull(10_000));
  }

  @Test
  void sessionIsClosedOnlyAfterStayingOverItsLimitForTheAbusePeriod() {
    SessionRateLimit limit = new SessionRateLimit(50, 100, 10_000, 0);
    for (int i = 0; i < 100; i++) {
      assertEquals(SessionRateLimit.Verdict.ADMIT, limit.check(0));
    }
    assertEquals(SessionRateLimit.Verdict.REFUSE, limit.check(0));
    long t = 0;
    SessionRateLimit.Verdict last = null;
    while (t < 9_900) {
      t += 5;
      last = limit.check(t);
    }
    assertTrue(last != SessionRateLimit.Verdict.CLOSE);
    while (t < 10_100 && last != SessionRateLimit.Verdict.CLOSE) {
      t += 5;
      last = limit.check(t);
    }
    assertEquals(SessionRateLimit.Verdict.CLOSE, last);
  }

  @Test
  void aQuietSecondForgivesAnEarlierFlood() {
    SessionRateLimit limit = new SessionRateLimit(50, 100, 10_000, 0);
    for (int i = 0; i < 150; i++) {
      limit.check(0);
    }
    // Refused again 9.5 s later, but after a quiet stretch: the abuse clock restarted.
    for (int i = 0; i < 500; i++) {
      limit.check(9_500);
    }
    assertEquals(SessionRateLimit.Verdict.REFUSE, limit.check(9_500));
  }

  @Test
  void presenceBudgetSendsCoalescesThenRefusesPerRoom() {
    PresenceBudget budget = new PresenceBudget(20, 200);
    int sent = 0;
    int coalesced = 0;
    int refused = 0;
    for (int i = 0; i < 250; i++) {
      switch (budget.check("r", 0)) {
        case SEND -> sent++;
        case COALESCE -> coalesced++;
        case REFUSE -> refused++;
      }
    }
    assertEquals(20, sent);
    assertEquals(180, coalesced);
    assertEquals(50, refused);
    assertEquals(PresenceBudget.Verdict.SEND, budget.check("other", 0), "rooms have budgets of their own");
    assertEquals(50, budget.sendIntervalMs());
    assertTrue(budget.trySend("r", 50));
  }

  @Test
  void ipLimitsCapConnectionsAndNewSessions() {
    AtomicLong clock = new AtomicLong();
    IpLimits limits = new IpLimits(2, 3, clock::get);
    assertTrue(limits.openConnection("a"));
    assertTrue(limits.openConnection("a"));
    assertFalse(limits.openConnection("a"));
    assertTrue(limits.openConnection("b"));
    limits.closeConnection("a");
    assertTrue(limits.openConnection("a"));
    for (int i = 0; i < 3; i++) {
      assertTrue(limits.newSession("a"));
    }
    assertFalse(limits.newSession("a"));
    assertTrue(limits.newGuest("a"), "guest creation has its own budget");
    clock.addAndGet(20_000);
    assertTrue(limits.newSession("a"), "a minute's budget refills over the minute");
  }

  @Test
  void originsAreSameOriginByDefaultAndListedOtherwise() {
    OriginPolicy same = new OriginPolicy(List.of());
    assertTrue(same.allows(null, "example.com"));
    assertTrue(same.allows("https://example.com", "example.com"));
    assertTrue(same.allows("http://localhost:8080", "localhost:8080"));
    assertFalse(same.allows("http://localhost:8081", "localhost:8080"));
    assertFalse(same.allows("https://evil.com", "example.com"));
    assertFalse(same.allows("not a url", "example.com"));
    OriginPolicy listed = new OriginPolicy(List.of("https://app.example.com/"));
    assertTrue(listed.allows("https://APP.example.com", "api.example.com"));
    assertFalse(listed.allows("https://api.example.com", "api.example.com"));
    assertTrue(new OriginPolicy(List.of("*")).allows("https://anything", "x"));
  }
}
