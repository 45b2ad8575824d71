package dev.parlor.client;

import io.vertx.core.json.JsonObject;

/** A guest identity from {@code POST /api/v1/sessions}: what a session needs to say {@code hello}. */
public record Guest(String userId, String name, String token) {

  public static Guest fromJson(JsonObject json) {
    return new Guest(json.getString("userId"), json.getString("name"), json.getString("token"));
  }
}
