package dev.parlor.game.play;

import dev.parlor.contracts.Deadline;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GameAction;
import dev.parlor.game.model.Decision;
import dev.parlor.game.model.Rematches;
import dev.parlor.game.store.GameStore;
import dev.parlor.game.store.GameWrite;
import dev.parlor.game.store.StoredGame;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Optimistic concurrency around the store: load, decide (a pure transition), write if the version is still the one
 * decided on; on a version conflict load and decide again, a bounded number of times with a short random pause so
 * racing instances spread out. Each stored change is published on its game topic here, in offset order.
 */
public final class GameChanges {

  static final int MAX_ATTEMPTS = 12;

  /** A change that is stored: the game before it, the change, and the offset of its event. */
  public record Applied(Game before, Decision.Change change, long offset) {
  }

  /** A rematch that exists: the new game and its latest offset; {@code oldOffset} > 0 when this call created it. */
  public record Rematched(Game game, long offset, long oldOffset) {
  }

  private final Vertx vertx;
  private final GameStore store;
  private final Publisher publisher;
  private final TopicSequencer<JsonObject> sequencer;
  private final GameMetrics metrics;

  public GameChanges(Vertx vertx, GameStore store, Publisher publisher, TopicSequencer<JsonObject> sequencer,
                     GameMetrics metrics) {
    this.metrics = metrics;
    this.vertx = vertx;
    this.store = store;
    this.publisher = publisher;
    this.sequencer = sequencer;
  }

  public Future<Applied> apply(String gameId, Function<Game, Decision> decide) {
    return apply(gameId, Long.MAX_VALUE, decide);
  }

  /**
   * Applies a change unless the caller's deadline passes first: a change is written only while its caller still
   * waits for the answer, so one reported as failed never lands later.
   */
  public Future<Applied> apply(String gameId, long deadline, Function<Game, Decision> decide) {
    return apply(gameId, decide, 1, deadline);
  }

  private Future<Applied> apply(String gameId, Function<Game, Decision> decide, int attempt, long deadline) {
    return load(gameId).compose(stored -> {
      Decision decision = decide.apply(stored.game());
      if (decision instanceof Decision.Refusal refusal) {
        return Future.failedFuture(new GameFailure(refusal.code(), refusal.message()));
      }
      if (Deadline.passed(deadline)) {
        return late();
      }
      Decision.Change change = (Decision.Change) decision;
      GameWrite write = GameWrite.update(stored.game(), change.game(), TopicEvents.updated(change.action(), change.game()))
        .before(deadline);
      return published(gameId, write.event(), () -> store.write(write)).compose(offset -> {
        if (offset == GameStore.LATE) {
          return late(); // between the check above and the script, the caller stopped waiting
        }
        return offset != GameStore.CONFLICT
          ? Future.succeededFuture(new Applied(stored.game(), change, offset))
            .andThen(done -> metrics.changed(change.action().type()))
          : retry(attempt).compose(v -> apply(gameId, decide, attempt + 1, deadline));
      });
    });
  }

  /** Creates or finds the rematch of a finished game. */
  public Future<Rematched> rematch(String gameId, String userId, Function<Game, Rematches.Plan> plan) {
    return rematch(gameId, userId, plan, 1);
  }

  private Future<Rematched> rematch(String gameId, String userId, Function<Game, Rematches.Plan> planner,
                                    int attempt) {
    return load(gameId).compose(stored -> {
      Rematches.Plan plan = planner.apply(stored.game());
      if (plan instanceof Rematches.Refused refused) {
        return Future.failedFuture(new GameFailure(refused.code(), refused.message()));
      }
      if (plan instanceof Rematches.Existing existing) {
        return load(existing.gameId()).map(found -> new Rematched(found.game(), found.offset(), 0));
      }
      Rematches.Create create = (Rematches.Create) plan;
      GameWrite created = GameWrite.create(create.created(),
        TopicEvents.updated(new GameAction(GameAction.CREATED, userId, null), create.created()));
      GameWrite old = GameWrite.update(stored.game(), create.old(), TopicEvents.rematched(create.created(), 1));
      return published(gameId, old.event(), () -> store.rematch(old, created)).compose(offset -> {
        if (offset != GameStore.CONFLICT) {
          publisher.game(create.created().gameId(), created.event(), 1);
        }
        return Future.succeededFuture(offset);
      }).compose(offset -> offset != GameStore.CONFLICT
        ? Future.succeededFuture(new Rematched(create.created(), 1, offset)).andThen(done -> metrics.changed("rematch"))
        : retry(attempt).compose(v -> rematch(gameId, userId, planner, attempt + 1)));
    });
  }

  /** Publishes the event of a write once it is stored, never ahead of an earlier write of the same game. */
  private Future<Long> published(String gameId, JsonObject event, Supplier<Future<Long>> write) {
    sequencer.writing(gameId);
    return write.get().andThen(done -> {
      boolean stored = done.succeeded() && done.result() > 0;
      long offset = stored ? done.result() : 0;
      JsonObject withOffset = stored ? event.copy().put("offset", offset) : null;
      sequencer.written(gameId, offset, withOffset).forEach(e -> publisher.game(gameId, e));
    });
  }

  public Future<StoredGame> load(String gameId) {
    return store.load(gameId).compose(stored -> stored == null
      ? Future.failedFuture(new GameFailure(ErrorCode.NOT_FOUND, "no game " + gameId))
      : Future.succeededFuture(stored));
  }

  /** The caller's deadline passed before the change could be written: it is not, and the caller hears so. */
  private Future<Applied> late() {
    metrics.late();
    return Future.failedFuture(new GameFailure(ErrorCode.UNAVAILABLE, "the request came too late to be applied"));
  }

  private Future<Void> retry(int attempt) {
    metrics.conflict();
    if (attempt >= MAX_ATTEMPTS) {
      return Future.failedFuture(new GameFailure(ErrorCode.UNAVAILABLE, "the game changed too often; try again"));
    }
    long pause = 1 + ThreadLocalRandom.current().nextLong(Math.min(1L << attempt, 64));
    return vertx.timer(pause).mapEmpty();
  }
}
