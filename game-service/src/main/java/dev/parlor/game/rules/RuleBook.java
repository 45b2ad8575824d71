package dev.parlor.game.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every game kind the service plays, by name. */
public final class RuleBook {

  private static final Map<String, GameRules> RULES = List.<GameRules>of(new TicTacToe(), new ConnectFour()).stream()
    .collect(Collectors.toUnmodifiableMap(GameRules::kind, Function.identity()));
  private static final List<String> KINDS = RULES.keySet().stream().sorted().toList();
  private static final String KINDS_TEXT = String.join(", ", KINDS);

  private RuleBook() {
  }

  /** The rules of a kind, or {@code null} for a kind nobody plays. */
  public static GameRules of(String kind) {
    return kind == null ? null : RULES.get(kind);
  }

  /** Every kind, in alphabetical order. */
  public static List<String> kinds() {
    return KINDS;
  }

  /** The kinds as one text, for error messages and docs. */
  public static String kindsText() {
    return KINDS_TEXT;
  }
}
