package dev.parlor.game.play;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.contracts.Deadline;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GameAction;
import dev.parlor.game.match.Matchmaker;
import dev.parlor.game.model.NewGames;
import dev.parlor.game.model.Rematches;
import dev.parlor.game.model.Transitions;
import dev.parlor.game.rules.GameRules;
import dev.parlor.game.sessions.Absence;
import dev.parlor.game.sessions.SessionStore;
import dev.parlor.game.store.GameStore;
import dev.parlor.game.store.GameWrite;
import dev.parlor.runtime.Ids;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Wiring of the game requests on the event bus: one private method per address of {@link Addresses.Game}. */
public final class GameVerticle extends ServiceVerticle {

  private final GameStore store;
  private final SessionStore sessions;
  private final Matchmaker matchmaker;
  private final Absence absence;
  private final TopicSequencer<EncodedEvent> sequencer;
  private final RecentGames recent;
  private final GameMetrics metrics;
  private GameChanges changes;
  private Publisher publisher;

  public GameVerticle(ServiceContext context, GameStore store, SessionStore sessions, Matchmaker matchmaker,
                      Absence absence, TopicSequencer<EncodedEvent> sequencer, RecentGames recent, GameMetrics metrics) {
    super(context);
    this.recent = recent;
    this.metrics = metrics;
    this.store = store;
    this.sequencer = sequencer;
    this.sessions = sessions;
    this.matchmaker = matchmaker;
    this.absence = absence;
  }

  @Override
  public Future<?> start() {
    publisher = new Publisher(vertx.eventBus());
    changes = new GameChanges(vertx, store, publisher, sequencer, recent, metrics);
    return Future.all(List.of(
      this.<JsonObject>consume(Addresses.Game.CREATE, m -> serve(m, this::create)),
      this.<JsonObject>consume(Addresses.Game.JOIN, m -> serve(m, this::join)),
      this.<JsonObject>consume(Addresses.Game.QUICKMATCH, m -> serve(m, this::quickmatch)),
      this.<JsonObject>consume(Addresses.Game.CANCEL_QUICKMATCH, m -> serve(m, this::cancelQuickmatch)),
      this.<JsonObject>consume(Addresses.Game.MOVE, m -> serve(m, this::move)),
      this.<JsonObject>consume(Addresses.Game.RESIGN, m -> serve(m, this::resign)),
      this.<JsonObject>consume(Addresses.Game.REMATCH, m -> serve(m, this::rematch)),
      this.<JsonObject>consume(Addresses.Game.CLAIM_WIN, m -> serve(m, this::claimWin)),
      this.<JsonObject>consume(Addresses.Game.SUBSCRIBE, m -> serve(m, this::subscribe)),
      this.<JsonObject>consume(Addresses.Game.LOBBY, this::lobby),
      this.consume(Addresses.Game.HEADS, this::heads)));
  }

  private Future<JsonObject> create(Caller caller, JsonObject args, long deadline) {
    GameRules rules = Requests.kind(args);
    String visibility = Requests.visibility(args);
    Game game = NewGames.waiting(rules, visibility, Ids.random(12), Ids.random(16), caller.userId(), caller.name(),
      now());
    JsonObject event = TopicEvents.updated(new GameAction(GameAction.CREATED, caller.userId(), null), game);
    return store.write(GameWrite.create(game, event)).map(offset -> {
      metrics.changed(GameAction.CREATED);
      publisher.game(game.gameId(), event, offset);
      if (Game.PUBLIC.equals(visibility)) {
        publisher.lobby(TopicEvents.lobbyOpened(game));
      }
      return new JsonObject().put("game", game.toJson()).put("offset", offset);
    });
  }

  private Future<JsonObject> join(Caller caller, JsonObject args, long deadline) {
    boolean byInvite = args.containsKey("inviteCode");
    if (byInvite == args.containsKey("gameId")) {
      throw Requests.invalid("give either gameId (a public game) or inviteCode");
    }
    Future<String> gameId = byInvite
      ? store.findInvite(Requests.id(args, "inviteCode")).compose(id -> id == null
        ? Future.failedFuture(new GameFailure(ErrorCode.NOT_FOUND, "no game waits with that invite code"))
        : Future.succeededFuture(id))
      : Future.succeededFuture(Requests.gameId(args));
    return gameId.compose(id -> changes.apply(id, deadline,
        game -> Transitions.join(game, caller.userId(), caller.name(), byInvite, now())))
      .map(applied -> {
        announce(applied);
        return new JsonObject().put("game", applied.change().game().toJson()).put("offset", applied.offset());
      });
  }

  private Future<JsonObject> quickmatch(Caller caller, JsonObject args, long deadline) {
    return matchmaker.enqueue(Requests.kind(args), caller).map(queued -> new JsonObject().put("queued", true));
  }

  private Future<JsonObject> cancelQuickmatch(Caller caller, JsonObject args, long deadline) {
    return matchmaker.cancel(Requests.kind(args), caller.userId()).map(done -> new JsonObject());
  }

  private Future<JsonObject> move(Caller caller, JsonObject args, long deadline) {
    String gameId = Requests.gameId(args);
    JsonObject move = Requests.move(args);
    return changes.apply(gameId, deadline, game -> Transitions.move(game, caller.userId(), move.getMap(), now()))
      .map(this::announce);
  }

  private Future<JsonObject> resign(Caller caller, JsonObject args, long deadline) {
    String gameId = Requests.gameId(args);
    return changes.apply(gameId, deadline, game -> Transitions.resign(game, caller.userId(), now())).map(this::announce);
  }

  private Future<JsonObject> claimWin(Caller caller, JsonObject args, long deadline) {
    String gameId = Requests.gameId(args);
    return changes.load(gameId).compose(stored -> {
      Game game = stored.game();
      if (!game.hasPlayer(caller.userId()) || game.players().size() < 2) {
        return changes.apply(gameId, deadline, g -> Transitions.claimWin(g, caller.userId(), false, now()));
      }
      String opponent = Transitions.opponent(game, caller.userId()).userId();
      return sessions.presence(opponent).compose(presence -> changes.apply(gameId, deadline, g -> Transitions.claimWin(g,
        caller.userId(), absence.away(presence, g.updatedAt(), System.currentTimeMillis()), now())));
    }).map(this::announce);
  }

  private Future<JsonObject> rematch(Caller caller, JsonObject args, long deadline) {
    String gameId = Requests.gameId(args);
    return changes.rematch(gameId, caller.userId(),
        game -> Rematches.plan(game, caller.userId(), Ids.random(12), Ids.random(16), now()))
      .map(rematched -> new JsonObject()
        .put("game", rematched.game().toJson(rematched.game().hasPlayer(caller.userId())))
        .put("offset", rematched.offset()));
  }

  private Future<JsonObject> subscribe(Caller caller, JsonObject args, long deadline) {
    String gameId = Requests.gameId(args);
    long since = Requests.since(args);
    String epoch = Requests.epoch(args);
    return store.history(gameId, since).compose(history -> {
      Game game = history.game();
      if (game == null) {
        return Future.failedFuture(new GameFailure(ErrorCode.NOT_FOUND, "no game " + gameId));
      }
      boolean player = game.hasPlayer(caller.userId());
      if (!player && !Game.PUBLIC.equals(game.visibility())) {
        return Future.failedFuture(new GameFailure(ErrorCode.FORBIDDEN, "a private game is for its players"));
      }
      JsonObject reply = new JsonObject().put("snapshot", new JsonObject().put("game", game.toJson(player)))
        .put("offset", history.offset()).put("epoch", history.epoch());
      if (since >= 0) {
        boolean recovered = (epoch == null || epoch.equals(history.epoch())) && since <= history.offset();
        reply.put("recovered", recovered);
        reply.put("events", recovered ? new JsonArray(List.copyOf(history.events())) : new JsonArray());
      }
      return Future.succeededFuture(reply);
    });
  }

  /** Offsets are no secret (a game id is the capability), so it needs no caller identity, like the lobby. */
  private void heads(Message<Object> message) {
    List<String> gameIds;
    try {
      if (!(message.body() instanceof JsonObject args)) {
        throw Requests.invalid("the request body must be a JSON object");
      }
      gameIds = Requests.gameIds(args, Addresses.Game.MAX_HEADS);
    } catch (GameFailure e) {
      fail(message, e);
      return;
    }
    store.heads(gameIds).onSuccess(heads -> {
      JsonObject offsets = new JsonObject();
      heads.forEach(offsets::put);
      message.reply(new JsonObject().put("offsets", offsets));
    }).onFailure(e -> fail(message, e));
  }

  private void lobby(Message<JsonObject> message) {
    store.lobby().onSuccess(games -> {
      JsonArray list = new JsonArray();
      games.forEach(g -> list.add(g.toJson()));
      message.reply(new JsonObject().put("games", list));
    }).onFailure(e -> fail(message, e));
  }

  /** Announces a stored change (already published on its topic) to the lobby when it left it; {@code {offset}}. */
  private JsonObject announce(GameChanges.Applied applied) {
    Game game = applied.change().game();
    Game before = applied.before();
    if (Game.WAITING.equals(before.status()) && Game.PUBLIC.equals(before.visibility())
      && !Game.WAITING.equals(game.status())) {
      publisher.lobby(TopicEvents.lobbyClosed(game.gameId()));
    }
    return new JsonObject().put("offset", applied.offset());
  }

  /** An op of this verticle: the caller, the op's arguments, and the caller's deadline ({@link Deadline}). */
  @FunctionalInterface
  private interface Op {
    Future<JsonObject> apply(Caller caller, JsonObject args, long deadline);
  }

  private void serve(Message<JsonObject> message, Op handler) {
    Caller caller = Caller.fromHeaders(message.headers());
    if (caller == null) {
      message.fail(ErrorCode.UNAUTHORIZED.failureCode(), "no caller identity in the headers");
      return;
    }
    Object body = message.body();
    if (body != null && !(body instanceof JsonObject)) {
      message.fail(ErrorCode.INVALID_ARGS.failureCode(), "the request body must be a JSON object");
      return;
    }
    Future<JsonObject> reply;
    try {
      reply = handler.apply(caller, body == null ? new JsonObject() : (JsonObject) body,
        Deadline.of(message.headers()));
    } catch (GameFailure e) {
      reply = Future.failedFuture(e);
    } catch (RuntimeException e) {
      reply = Future.failedFuture(new GameFailure(ErrorCode.INTERNAL, "internal error: " + e));
    }
    reply.onSuccess(message::reply).onFailure(e -> fail(message, e));
  }

  private static void fail(Message<?> message, Throwable e) {
    if (e instanceof GameFailure failure) {
      message.fail(failure.code().failureCode(), failure.getMessage());
    } else {
      message.fail(ErrorCode.UNAVAILABLE.failureCode(), "game store: " + e.getMessage());
    }
  }

  private static String now() {
    return Instant.now().toString();
  }
}
