package dev.parlor.presence.rules;

import dev.parlor.contracts.presence.Location;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/** Parses and validates presence request bodies as PROTOCOL.md defines them; every violation is {@link InvalidArgs}. */
public final class PresenceArgs {

  public static final int MAX_STATUS_CHARS = 64;
  private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_\\-:.]{1,64}");

  private PresenceArgs() {
  }

  /** The {@code room} argument: 1–64 chars of ASCII letters, digits, {@code _ - : .}. */
  public static String room(JsonObject args) {
    Object room = args == null ? null : args.getValue("room");
    if (!(room instanceof String name) || !ROOM.matcher(name).matches()) {
      throw new InvalidArgs("room must be 1-64 characters of ASCII letters, digits, '_', '-', ':' or '.'");
    }
    return name;
  }

  public static PresenceUpdate update(JsonObject args) {
    String room = room(args);
    boolean setsStatus = args.containsKey("status");
    boolean setsLocation = args.containsKey("location");
    return new PresenceUpdate(room, setsStatus, setsStatus ? status(args.getValue("status")) : null,
      setsLocation, setsLocation ? location(args.getValue("location")) : null);
  }

  private static String status(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String status) || status.codePointCount(0, status.length()) > MAX_STATUS_CHARS) {
      throw new InvalidArgs("status must be a string of at most " + MAX_STATUS_CHARS + " characters, or null");
    }
    return status;
  }

  private static Location location(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject location)) {
      throw new InvalidArgs("location must be an object {lat, lon, heading?} or null");
    }
    double lat = number(location, "lat", -90, 90, true);
    double lon = number(location, "lon", -180, 180, true);
    Object heading = location.getValue("heading");
    if (heading == null) {
      return new Location(lat, lon, null);
    }
    return new Location(lat, lon, number(location, "heading", 0, 360, false));
  }

  private static double number(JsonObject location, String field, double min, double max, boolean maxIncluded) {
    Object value = location.getValue(field);
    double number = value instanceof Number n ? n.doubleValue() : Double.NaN;
    boolean inRange = number >= min && (maxIncluded ? number <= max : number < max);
    if (!inRange) {
      throw new InvalidArgs("location." + field + " must be a number in [" + fmt(min) + ", " + fmt(max)
        + (maxIncluded ? "]" : ")"));
    }
    return number;
  }

  private static String fmt(double bound) {
    return String.valueOf((long) bound);
  }
}
