package dev.parlor.presence.tick;

import dev.parlor.contracts.presence.Member;
import io.vertx.core.json.JsonObject;

/**
 * One change to a room's membership, in the order the store applied it: {@code {"k":"join"|"update"|"leave",
 * "u":userId,"m":Member?}}. Joins and updates carry the member's whole state after the change.
 */
public record Change(Kind kind, String userId, Member member) {

  public enum Kind {
    JOIN("join"), UPDATE("update"), LEAVE("leave");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    static Kind ofWire(String wire) {
      for (Kind kind : values()) {
        if (kind.wire.equals(wire)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown change kind " + wire);
    }
  }

  public static Change join(Member member) {
    return new Change(Kind.JOIN, member.userId(), member);
  }

  public static Change update(Member member) {
    return new Change(Kind.UPDATE, member.userId(), member);
  }

  public static Change leave(String userId) {
    return new Change(Kind.LEAVE, userId, null);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("k", kind.wire()).put("u", userId);
    return member == null ? json : json.put("m", member.toJson());
  }

  public static Change fromJson(JsonObject json) {
    JsonObject member = json.getJsonObject("m");
    return new Change(Kind.ofWire(json.getString("k")), json.getString("u"),
      member == null ? null : Member.fromJson(member));
  }
}
