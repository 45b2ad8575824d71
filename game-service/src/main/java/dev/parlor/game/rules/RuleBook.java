package dev.parlor.game.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every game kind the service plays, by name. */
public final class RuleBook {

  private static final Map<String, GameRules> RULES = List.<GameRules>of(new TicTacToe(), new ConnectFour()).stream()
    .collect(Collectors.toUnmodifiableMap(GameRules::kind, Function.identity()));

  private RuleBook() {
  }

  /** The rules of a kind, or {@code null} for a kind nobody plays. */
  public static GameRules of(String kind) {
    return kind == null ? null : RULES.get(kind);
  }

  /** The kinds, for error messages and docs. */
  public static String kinds() {
    return String.join(", ", RULES.keySet().stream().sorted().toList());
  }
}
