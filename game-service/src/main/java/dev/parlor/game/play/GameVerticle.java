package dev.parlor.game.play;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.game.store.GameStore;
import dev.parlor.runtime.Ids;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;

/** Wiring of the game requests on the event bus: one private method per address. */
public final class GameVerticle extends VerticleBase {

  private static final Set<String> KINDS = Set.of("tictactoe", "connect4");
  private static final Set<String> VISIBILITIES = Set.of("public", "private");

  private final GameStore store;

  public GameVerticle(GameStore store) {
    this.store = store;
  }

  @Override
  public Future<?> start() {
    MessageConsumer<JsonObject> create = vertx.eventBus().consumer(Addresses.Game.CREATE, this::create);
    return create.completion();
  }

  private void create(Message<JsonObject> message) {
    Caller caller = Caller.fromHeaders(message.headers());
    if (caller == null) {
      message.fail(ErrorCode.UNAUTHORIZED.failureCode(), "no caller identity");
      return;
    }
    JsonObject args = message.body();
    String kind = args.getValue("kind") instanceof String s ? s : null;
    String visibility = args.getValue("visibility") instanceof String s ? s : null;
    if (kind == null || !KINDS.contains(kind) || visibility == null || !VISIBILITIES.contains(visibility)) {
      message.fail(ErrorCode.INVALID_ARGS.failureCode(),
        "kind must be tictactoe or connect4, visibility public or private");
      return;
    }
    boolean tictactoe = kind.equals("tictactoe");
    JsonObject game = new JsonObject()
      .put("gameId", Ids.random(12))
      .put("kind", kind)
      .put("visibility", visibility)
      .put("inviteCode", Ids.random(16))
      .put("status", "waiting")
      .put("players", new JsonArray().add(new JsonObject()
        .put("userId", caller.userId()).put("name", caller.name()).put("mark", tictactoe ? "X" : "R")))
      .putNull("turn")
      .put("board", new JsonArray(Collections.nCopies(tictactoe ? 9 : 42, null)))
      .putNull("winner")
      .put("draw", false)
      .putNull("winningLine")
      .put("version", 1)
      .put("createdAt", Instant.now().toString());
    JsonObject event = new JsonObject().put("event", "game.updated").put("data", new JsonObject()
      .put("action", new JsonObject().put("type", "created").put("by", caller.userId()))
      .put("game", game));
    store.create(game, event)
      .onSuccess(offset -> message.reply(new JsonObject().put("game", game).put("offset", offset)))
      .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.failureCode(), "game store: " + e.getMessage()));
  }
}
