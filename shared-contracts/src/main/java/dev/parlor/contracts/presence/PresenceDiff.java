package dev.parlor.contracts.presence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What changed in a room during one tick: {@code {joined:[Member], updated:[Member], left:[userId]}}, all three arrays
 * always present. Published on {@code Addresses.Topics.presence(room)} as {@code {event:"presence.diff", data}}.
 */
public record PresenceDiff(List<Member> joined, List<Member> updated, List<String> left) {

  public static final String EVENT = "presence.diff";

  public PresenceDiff {
    joined = List.copyOf(joined);
    updated = List.copyOf(updated);
    left = List.copyOf(left);
  }

  public boolean isEmpty() {
    return joined.isEmpty() && updated.isEmpty() && left.isEmpty();
  }

  public JsonObject toJson() {
    JsonArray joinedJson = new JsonArray();
    joined.forEach(member -> joinedJson.add(member.toJson()));
    JsonArray updatedJson = new JsonArray();
    updated.forEach(member -> updatedJson.add(member.toJson()));
    return new JsonObject().put("joined", joinedJson).put("updated", updatedJson).put("left", new JsonArray(left));
  }

  /** The topic message carrying this diff: {@code {event:"presence.diff", data:{…}}}. */
  public JsonObject toEvent() {
    return new JsonObject().put("event", EVENT).put("data", toJson());
  }

  public static PresenceDiff fromJson(JsonObject json) {
    return new PresenceDiff(
      json.getJsonArray("joined").stream().map(m -> Member.fromJson((JsonObject) m)).toList(),
      json.getJsonArray("updated").stream().map(m -> Member.fromJson((JsonObject) m)).toList(),
      json.getJsonArray("left").stream().map(String::valueOf).toList());
  }
}
