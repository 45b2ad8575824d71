package dev.parlor.contracts;

/**
 * Every event-bus address, declared once. Requests carry the {@link Caller} in headers and a JSON body; replies are
 * JSON; failures use {@link ErrorCode} failure codes. The full API, with shapes, is in {@code docs/event-bus-api.md}.
 */
public final class Addresses {

  private Addresses() {
  }

  /** Requests served by the game-service (point to point, any instance). */
  public static final class Game {
    public static final String CREATE = "parlor.game.create";
    public static final String JOIN = "parlor.game.join";
    public static final String QUICKMATCH = "parlor.game.quickmatch";
    public static final String CANCEL_QUICKMATCH = "parlor.game.cancelQuickmatch";
    public static final String MOVE = "parlor.game.move";
    public static final String RESIGN = "parlor.game.resign";
    public static final String REMATCH = "parlor.game.rematch";
    /** The opponent of a player absent longer than the abandonment time claims the win. */
    public static final String CLAIM_WIN = "parlor.game.claimWin";
    /** Authorizes a subscriber and answers the snapshot, offset, epoch and the events after {@code since}. */
    public static final String SUBSCRIBE = "parlor.game.subscribe";
    /** The lobby snapshot: public games waiting for a player. */
    public static final String LOBBY = "parlor.game.lobby";
    /**
     * The newest offset of each game topic, {@code {gameIds:[…]}} → {@code {offsets:{gameId: n}}} (0: no such game):
     * gateways compare it with what they heard live, to find an event whose publication never reached them.
     */
    public static final String HEADS = "parlor.game.heads";
    /** The most game ids one {@link #HEADS} request may ask for. */
    public static final int MAX_HEADS = 1_000;

    private Game() {
    }
  }

  /** Requests served by the presence-service. */
  public static final class Presence {
    public static final String SET = "parlor.presence.set";
    public static final String LEAVE = "parlor.presence.leave";
    public static final String SNAPSHOT = "parlor.presence.snapshot";
    /** Published by the thumbnail worker when a user's avatar changes: {@code {userId, avatar}}. */
    public static final String AVATAR = "parlor.presence.avatar";

    private Presence() {
    }
  }

  /** Served by every gateway instance. */
  public static final class Gateway {
    /**
     * Appends an event to a user's durable topic and publishes it: {@code {userId, event, data}} → {@code {offset}}.
     * Point to point: any gateway instance will do.
     */
    public static final String USER_PUBLISH = "parlor.user.publish";

    private Gateway() {
    }
  }

  /** Published by gateways for the services that track sessions (presence, matchmaking). */
  public static final class Sessions {
    /** {@code {sessionId, userId, name, gatewayId}} when a client session is welcomed. */
    public static final String OPENED = "parlor.session.opened";
    /** {@code {sessionId, userId, gatewayId, userOnline}} when a client session ends. */
    public static final String CLOSED = "parlor.session.closed";
    /** {@code {gatewayId, sessions, intervalMs}} every interval: the gateway is alive and holds that many sessions. */
    public static final String GATEWAY_HEARTBEAT = "parlor.gateway.heartbeat";

    private Sessions() {
    }
  }

  /** Operations: how instances make themselves known to the operators' overview. */
  public static final class Ops {
    /**
     * Published by every process every {@code ops.beacon-ms} (and once more, all DOWN, when it stops gracefully):
     * {@code {nodeId, intervalMs, final, services:[{name, status:"UP"|"DOWN", failing:[check ids], stats:{…}}],
     * ports:{name:port}}}. Gateways keep the latest per node for {@code GET /api/v1/ops/overview}.
     */
    public static final String BEACON = "parlor.ops.beacon";

    private Ops() {
    }
  }

  /** Topic addresses: services publish {@code {event, data, offset?}}; gateways fan out to subscribed sockets. */
  public static final class Topics {
    public static final String PREFIX = "parlor.topic.";
    public static final String LOBBY = PREFIX + "lobby";
    /**
     * An optional header of a durable topic event: the body's exact JSON text, {@code {"event":…,"data":…,
     * "offset":N}} with {@code offset} last. A publisher that already holds that text (the game-service stores it)
     * sets it so that gateways write the event to their sockets without decoding and re-encoding it; consumers that
     * read the body need not know it. A gateway ignores a text of any other shape and reads the body instead.
     */
    public static final String TEXT_HEADER = "parlor-text";

    private Topics() {
    }

    /** The event-bus address of a client topic name: {@code game:abc} → {@code parlor.topic.game.abc}. */
    public static String of(String topic) {
      int colon = topic.indexOf(':');
      return colon < 0 ? PREFIX + topic : PREFIX + topic.substring(0, colon) + '.' + topic.substring(colon + 1);
    }

    public static String game(String gameId) {
      return PREFIX + "game." + gameId;
    }

    public static String user(String userId) {
      return PREFIX + "user." + userId;
    }

    public static String presence(String room) {
      return PREFIX + "presence." + room;
    }

    /**
     * A gateway's delivery canary: it publishes {@code {event:"canary", data:{seq, sentAt}}} here and follows it
     * through its own topic fan-out; no client can subscribe to it.
     */
    public static String canary(String gatewayId) {
      return PREFIX + "canary." + gatewayId;
    }
  }
}
