package dev.parlor.contracts.protocol;

import java.util.List;

/** The names of the client ops and server frame types of protocol version 1 (docs/protocol.md). */
public final class Ops {

  public static final String HELLO = "hello";
  public static final String PING = "ping";
  public static final String SUBSCRIBE = "subscribe";
  public static final String UNSUBSCRIBE = "unsubscribe";
  public static final String GAME_CREATE = "game.create";
  public static final String GAME_JOIN = "game.join";
  public static final String GAME_QUICKMATCH = "game.quickmatch";
  public static final String GAME_CANCEL_QUICKMATCH = "game.cancelQuickmatch";
  public static final String GAME_MOVE = "game.move";
  public static final String GAME_RESIGN = "game.resign";
  public static final String GAME_REMATCH = "game.rematch";
  public static final String GAME_CLAIM_WIN = "game.claimWin";
  public static final String PRESENCE_SET = "presence.set";
  public static final String PRESENCE_LEAVE = "presence.leave";

  /** Every op a welcomed client may send. */
  public static final List<String> ALL = List.of(PING, SUBSCRIBE, UNSUBSCRIBE, GAME_CREATE, GAME_JOIN,
    GAME_QUICKMATCH, GAME_CANCEL_QUICKMATCH, GAME_MOVE, GAME_RESIGN, GAME_REMATCH, GAME_CLAIM_WIN, PRESENCE_SET,
    PRESENCE_LEAVE);

  /** Server frame types. */
  public static final String WELCOME = "welcome";
  public static final String REPLY = "reply";
  public static final String ERROR = "error";
  public static final String EVENT = "event";
  /** The gateway is draining: reconnect elsewhere after a suggested delay (close 1012 follows). */
  public static final String RECONNECT = "reconnect";

  private Ops() {
  }
}
