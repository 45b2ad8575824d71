package dev.parlor.contracts.protocol;

import java.util.regex.Pattern;

/** Client topic names: {@code user:<userId>}, {@code lobby}, {@code game:<gameId>}, {@code presence:<room>}. */
public final class Topics {

  public static final String USER_PREFIX = "user:";
  public static final String GAME_PREFIX = "game:";
  public static final String PRESENCE_PREFIX = "presence:";
  public static final String LOBBY = "lobby";
  /** A presence room: 1–64 ASCII letters, digits, {@code _ - : .}. */
  public static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_\\-:.]{1,64}");
  /** A user or game id inside a topic name: 1–64 ASCII letters, digits, {@code _ -}. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

  private Topics() {
  }
}
