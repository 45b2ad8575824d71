package dev.parlor.contracts.presence;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One user present in a room, as clients see it:
 * {@code {"userId","name","status"?,"location"?:{"lat","lon","heading"?},"avatar"?:{"64":url,"128":url,"256":url}}}.
 * Optional parts are {@code null} when absent and then left out of the JSON.
 */
public record Member(String userId, String name, String status, Location location, Map<String, String> avatar) {

  public Member {
    avatar = avatar == null ? null : Map.copyOf(avatar);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("userId", userId).put("name", name);
    if (status != null) {
      json.put("status", status);
    }
    if (location != null) {
      json.put("location", location.toJson());
    }
    if (avatar != null) {
      json.put("avatar", new JsonObject(new LinkedHashMap<>(avatar)));
    }
    return json;
  }

  public static Member fromJson(JsonObject json) {
    JsonObject location = json.getJsonObject("location");
    JsonObject avatar = json.getJsonObject("avatar");
    Map<String, String> sizes = null;
    if (avatar != null) {
      sizes = new LinkedHashMap<>();
      for (String size : avatar.fieldNames()) {
        sizes.put(size, String.valueOf(avatar.getValue(size)));
      }
    }
    return new Member(json.getString("userId"), json.getString("name"), json.getString("status"),
      location == null ? null : Location.fromJson(location), sizes);
  }
}
