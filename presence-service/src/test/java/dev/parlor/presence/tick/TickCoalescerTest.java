package dev.parlor.presence.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.presence.Location;
import dev.parlor.contracts.presence.Member;
import dev.parlor.contracts.presence.PresenceDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickCoalescerTest {

  private static Member at(String user, double lat) {
    return new Member(user, user.toUpperCase(), null, new Location(lat, 0, null), null);
  }

  @Test
  void latestStateOfAMemberWins() {
    PresenceDiff diff = TickCoalescer.coalesce(List.of(Change.update(at("u", 1)), Change.update(at("u", 2)),
      Change.update(at("u", 3))));
    assertEquals(new PresenceDiff(List.of(), List.of(at("u", 3)), List.of()), diff);
  }

  @Test
  void joinThenUpdatesIsOnlyAJoinWithTheLatestState() {
    PresenceDiff diff = TickCoalescer.coalesce(List.of(Change.join(at("u", 1)), Change.update(at("u", 2))));
    assertEquals(new PresenceDiff(List.of(at("u", 2)), List.of(), List.of()), diff);
  }

  @Test
  void joinThenLeaveInOneTickShowsNothing() {
    assertTrue(TickCoalescer.coalesce(List.of(Change.join(at("u", 1)), Change.update(at("u", 2)),
      Change.leave("u"))).isEmpty());
  }

  @Test
  void leaveThenRejoinIsAnUpdate() {
    PresenceDiff diff = TickCoalescer.coalesce(List.of(Change.leave("u"), Change.join(at("u", 5))));
    assertEquals(new PresenceDiff(List.of(), List.of(at("u", 5)), List.of()), diff);
  }

  @Test
  void updateThenLeaveIsALeave() {
    PresenceDiff diff = TickCoalescer.coalesce(List.of(Change.update(at("u", 1)), Change.leave("u")));
    assertEquals(new PresenceDiff(List.of(), List.of(), List.of("u")), diff);
  }

  @Test
  void membersAreCoalescedApartInFirstChangeOrder() {
    PresenceDiff diff = TickCoalescer.coalesce(List.of(Change.join(at("a", 1)), Change.update(at("b", 1)),
      Change.leave("c"), Change.update(at("a", 2)), Change.update(at("b", 2)), Change.join(at("d", 1))));
    assertEquals(new PresenceDiff(List.of(at("a", 2), at("d", 1)), List.of(at("b", 2)), List.of("c")), diff);
  }

  @Test
  void allThreeArraysArePresentInTheWireForm() {
    PresenceDiff diff = TickCoalescer.coalesce(List.of(Change.leave("c")));
    assertEquals("{\"joined\":[],\"updated\":[],\"left\":[\"c\"]}", diff.toJson().encode());
    assertEquals(diff, PresenceDiff.fromJson(diff.toJson()));
  }

  @Test
  void changesSurviveTheirWireForm() {
    Member full = new Member("u", "U", "busy", new Location(1.5, -2.25, 90.0), java.util.Map.of("64", "/a/64.png"));
    for (Change change : List.of(Change.join(full), Change.update(at("u", 3)), Change.leave("u"))) {
      assertEquals(change, Change.fromJson(change.toJson()));
    }
    assertEquals(full, Member.fromJson(full.toJson()));
  }
}
