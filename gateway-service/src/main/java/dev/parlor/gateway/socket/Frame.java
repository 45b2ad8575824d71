package dev.parlor.gateway.socket;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * A client frame that passed the envelope checks: a JSON object with a string {@code type} and, when present, an
 * {@code id} of 1–64 characters. {@link #parse} answers {@code null} for anything else ({@code bad_frame}).
 */
public record Frame(String type, String id, JsonObject body) {

  public static final int MAX_ID_LENGTH = 64;

  public static Frame parse(String text) {
    JsonObject body;
    try {
      Object value = io.vertx.core.json.Json.decodeValue(text);
      if (!(value instanceof JsonObject object)) {
        return null;
      }
      body = object;
    } catch (DecodeException e) {
      return null;
    }
    if (!(body.getValue("type") instanceof String type)) {
      return null;
    }
    Object id = body.getValue("id");
    if (id != null && !(id instanceof String s && !s.isEmpty() && s.length() <= MAX_ID_LENGTH)) {
      return null;
    }
    return new Frame(type, (String) id, body);
  }

  /** The op's arguments: the frame without its envelope fields. */
  public JsonObject arguments() {
    JsonObject args = body.copy();
    args.remove("type");
    args.remove("id");
    return args;
  }
}
