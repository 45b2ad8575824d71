package dev.parlor.contracts.presence;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Published by the thumbnail worker on {@code parlor.presence.avatar} when a user's avatar is ready:
 * {@code {userId, avatar:{"64":url,"128":url,"256":url}}}.
 */
public record AvatarChanged(String userId, Map<String, String> avatar) {

  public AvatarChanged {
    avatar = Map.copyOf(avatar);
  }

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("avatar", new JsonObject(new LinkedHashMap<>(avatar)));
  }

  public static AvatarChanged fromJson(JsonObject json) {
    JsonObject avatar = json.getJsonObject("avatar");
    Map<String, String> sizes = new LinkedHashMap<>();
    for (String size : avatar.fieldNames()) {
      sizes.put(size, String.valueOf(avatar.getValue(size)));
    }
    return new AvatarChanged(json.getString("userId"), sizes);
  }
}
