package dev.parlor.presence.tick;

import dev.parlor.contracts.presence.Member;
import dev.parlor.contracts.presence.PresenceDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the changes of one room during one tick into one diff. Per member only the first and the last change matter:
 * the first says whether the member was present before the tick (anything but a join), the last whether they are
 * present after it (anything but a leave) and with which state. So the latest state wins, a join followed by updates
 * is one {@code joined}, and a join then a leave within the tick shows nothing at all.
 */
public final class TickCoalescer {

  private TickCoalescer() {
  }

  public static PresenceDiff coalesce(List<Change> changes) {
    Map<String, Change> first = new LinkedHashMap<>();
    Map<String, Change> last = new LinkedHashMap<>();
    for (Change change : changes) {
      first.putIfAbsent(change.userId(), change);
      last.put(change.userId(), change);
    }
    List<Member> joined = new ArrayList<>();
    List<Member> updated = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (Map.Entry<String, Change> entry : first.entrySet()) {
      boolean before = entry.getValue().kind() != Change.Kind.JOIN;
      Change latest = last.get(entry.getKey());
      boolean after = latest.kind() != Change.Kind.LEAVE;
      if (!before && after) {
        joined.add(latest.member());
      } else if (before && after) {
        updated.add(latest.member());
      } else if (before) {
        left.add(entry.getKey());
      }
    }
    return new PresenceDiff(joined, updated, left);
  }
}
