package dev.parlor.gateway.ops;

import dev.parlor.contracts.protocol.Topics;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Shape checks of op arguments, done at the gateway before anything is sent. Each check reads the client frame and
 * builds the request body from the arguments it knows, so a service never sees fields the protocol does not define.
 */
public final class Args {

  public static final int MAX_ID = 64;
  public static final int MAX_STATUS = 64;
  private static final Set<String> KINDS = Set.of("tictactoe", "connect4");
  private static final Set<String> VISIBILITIES = Set.of("public", "private");

  private Args() {
  }

  /** Checks one op's frame and answers its request body. */
  @FunctionalInterface
  public interface Check {
    JsonObject body(JsonObject frame) throws InvalidArgs;
  }

  public static JsonObject none(JsonObject frame) {
    return new JsonObject();
  }

  public static JsonObject kind(JsonObject frame) throws InvalidArgs {
    return new JsonObject().put("kind", oneOf(frame, "kind", KINDS));
  }

  public static JsonObject create(JsonObject frame) throws InvalidArgs {
    return new JsonObject().put("kind", oneOf(frame, "kind", KINDS))
      .put("visibility", oneOf(frame, "visibility", VISIBILITIES));
  }

  public static JsonObject gameId(JsonObject frame) throws InvalidArgs {
    return new JsonObject().put("gameId", id(frame, "gameId"));
  }

  public static JsonObject join(JsonObject frame) throws InvalidArgs {
    boolean byId = frame.getValue("gameId") != null;
    boolean byCode = frame.getValue("inviteCode") != null;
    if (byId == byCode) {
      throw new InvalidArgs("give exactly one of gameId and inviteCode");
    }
    return byId ? new JsonObject().put("gameId", id(frame, "gameId"))
      : new JsonObject().put("inviteCode", id(frame, "inviteCode"));
  }

  public static JsonObject move(JsonObject frame) throws InvalidArgs {
    String gameId = id(frame, "gameId");
    if (!(frame.getValue("move") instanceof JsonObject move)) {
      throw new InvalidArgs("move: an object, {\"cell\":0-8} or {\"column\":0-6}");
    }
    boolean cell = move.getValue("cell") != null;
    if (cell == (move.getValue("column") != null)) {
      throw new InvalidArgs("move: exactly one of cell (0-8) and column (0-6)");
    }
    JsonObject body = new JsonObject().put("gameId", gameId);
    return cell ? body.put("move", new JsonObject().put("cell", integer(move, "cell", 0, 8)))
      : body.put("move", new JsonObject().put("column", integer(move, "column", 0, 6)));
  }

  public static JsonObject room(JsonObject frame) throws InvalidArgs {
    return new JsonObject().put("room", roomName(frame.getValue("room")));
  }

  public static JsonObject presenceSet(JsonObject frame) throws InvalidArgs {
    JsonObject body = room(frame);
    if (frame.containsKey("status")) {
      Object status = frame.getValue("status");
      if (status != null && !(status instanceof String s && s.length() <= MAX_STATUS)) {
        throw new InvalidArgs("status: a string of at most 64 characters, or null");
      }
      body.put("status", status);
    }
    if (frame.containsKey("location")) {
      body.put("location", location(frame.getValue("location")));
    }
    return body;
  }

  public static String roomName(Object value) throws InvalidArgs {
    if (!(value instanceof String room) || !Topics.ROOM.matcher(room).matches()) {
      throw new InvalidArgs("room: 1-64 ASCII letters, digits, '_', '-', ':' or '.'");
    }
    return room;
  }

  private static JsonObject location(Object value) throws InvalidArgs {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject location)) {
      throw new InvalidArgs("location: an object {lat, lon, heading?} or null");
    }
    JsonObject out = new JsonObject()
      .put("lat", number(location, "lat", -90, 90, true))
      .put("lon", number(location, "lon", -180, 180, true));
    if (location.getValue("heading") != null) {
      double heading = number(location, "heading", 0, 360, false);
      out.put("heading", heading);
    }
    return out;
  }

  private static double number(JsonObject object, String key, double min, double max, boolean maxIncluded)
    throws InvalidArgs {
    if (!(object.getValue(key) instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min
      || n.doubleValue() > max || (!maxIncluded && n.doubleValue() == max)) {
      throw new InvalidArgs(key + ": a number in [" + (long) min + ", " + (long) max + (maxIncluded ? "]" : ")"));
    }
    return n.doubleValue();
  }

  private static int integer(JsonObject object, String key, int min, int max) throws InvalidArgs {
    Object value = object.getValue(key);
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < min
      || n.doubleValue() > max) {
      throw new InvalidArgs(key + ": an integer from " + min + " to " + max);
    }
    return n.intValue();
  }

  static String id(JsonObject frame, String key) throws InvalidArgs {
    if (!(frame.getValue(key) instanceof String id) || !Topics.ID.matcher(id).matches()) {
      throw new InvalidArgs(key + ": 1-64 ASCII letters, digits, '_' or '-'");
    }
    return id;
  }

  private static String oneOf(JsonObject frame, String key, Set<String> values) throws InvalidArgs {
    if (!(frame.getValue(key) instanceof String value) || !values.contains(value)) {
      throw new InvalidArgs(key + ": one of " + String.join(", ", values.stream().sorted().toList()));
    }
    return value;
  }
}
