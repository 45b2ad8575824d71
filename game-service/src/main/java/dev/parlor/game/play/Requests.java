package dev.parlor.game.play;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.game.rules.GameRules;
import dev.parlor.game.rules.RuleBook;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads request arguments; anything malformed is an {@code invalid_args} {@link GameFailure} that names the field. */
public final class Requests {

  private static final Set<String> VISIBILITIES = Set.of("public", "private");
  private static final int MAX_ID_LENGTH = 64;

  private Requests() {
  }

  public static GameRules kind(JsonObject args) {
    GameRules rules = RuleBook.of(args.getValue("kind") instanceof String s ? s : null);
    if (rules == null) {
      throw invalid("kind must be one of " + RuleBook.kindsText());
    }
    return rules;
  }

  public static String visibility(JsonObject args) {
    Object value = args.getValue("visibility");
    if (!(value instanceof String s) || !VISIBILITIES.contains(s)) {
      throw invalid("visibility must be public or private");
    }
    return s;
  }

  public static String gameId(JsonObject args) {
    return id(args, "gameId");
  }

  /** A required id-like string of 1–64 characters. */
  public static String id(JsonObject args, String field) {
    return id(args.getValue(field), field);
  }

  private static String id(Object value, String field) {
    if (!(value instanceof String s) || s.isEmpty() || s.length() > MAX_ID_LENGTH) {
      throw invalid(field + " must be a string of 1–" + MAX_ID_LENGTH + " characters");
    }
    return s;
  }

  /** A required array of 1–{@code max} game ids. */
  public static List<String> gameIds(JsonObject args, int max) {
    if (!(args.getValue("gameIds") instanceof JsonArray ids) || ids.isEmpty() || ids.size() > max) {
      throw invalid("gameIds must be an array of 1–" + max + " game ids");
    }
    List<String> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(id(ids.getValue(i), "gameIds[" + i + "]"));
    }
    return out;
  }

  public static JsonObject move(JsonObject args) {
    if (!(args.getValue("move") instanceof JsonObject move)) {
      throw invalid("move must be an object such as {\"cell\":4} or {\"column\":3}");
    }
    return move;
  }

  /** {@code since}: absent (-1) or a whole number ≥ 0. */
  public static long since(JsonObject args) {
    Object value = args.getValue("since");
    if (value == null) {
      return -1;
    }
    if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() != Math.rint(n.doubleValue())
      || n.doubleValue() > Long.MAX_VALUE / 2) {
      throw invalid("since must be a whole number ≥ 0");
    }
    return n.longValue();
  }

  /** {@code epoch}: absent (null) or a string. */
  public static String epoch(JsonObject args) {
    Object value = args.getValue("epoch");
    if (value != null && !(value instanceof String)) {
      throw invalid("epoch must be a string");
    }
    return (String) value;
  }

  public static GameFailure invalid(String message) {
    return new GameFailure(ErrorCode.INVALID_ARGS, message);
  }
}
