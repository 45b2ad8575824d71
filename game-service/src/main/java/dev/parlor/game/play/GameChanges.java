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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Optimistic concurrency around the store: load, decide (a pure transition), write if the version is still the one
 * decided on; on a version conflict load and decide again, a bounded number of times with a short random pause so
 * racing instances spread out. Each stored change is published on its game topic here, in offset order. The game
 * this process stored last is decided on without a read ({@link RecentGames}).
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
  private final TopicSequencer<EncodedEvent> sequencer;
  private final GameMetrics metrics;
  private final RecentGames recent;

  public GameChanges(Vertx vertx, GameStore store, Publisher publisher, TopicSequencer<EncodedEvent> sequencer,
                     RecentGames recent, GameMetrics metrics) {
    this.metrics = metrics;
    this.recent = recent;
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
    StoredGame remembered = recent.get(gameId);
    return remembered != null
      ? Future.succeededFuture(remembered).compose(stored -> write(gameId, decide, attempt, deadline, stored, true))
      : reloaded(gameId, decide, attempt, deadline);
  }

  private Future<Applied> reloaded(String gameId, Function<Game, Decision> decide, int attempt, long deadline) {
    return load(gameId).compose(stored -> write(gameId, decide, attempt, deadline, stored, false));
  }

  /**
   * Decides on {@code stored} and writes the change. A decision on a {@code remembered} game ({@link RecentGames}) is
   * only a guess: a refusal, or a conflict in the store, sends it back to a fresh read, at once (no other writer is
   * known to be racing).
   */
  private Future<Applied> write(String gameId, Function<Game, Decision> decide, int attempt, long deadline,
                                StoredGame stored, boolean remembered) {
    Decision decision = decide.apply(stored.game());
    if (decision instanceof Decision.Refusal refusal) {
      if (remembered) {
        recent.forget(gameId);
        return reloaded(gameId, decide, attempt, deadline);
      }
      return Future.failedFuture(new GameFailure(refusal.code(), refusal.message()));
    }
    if (Deadline.passed(deadline)) {
      return late();
    }
    Decision.Change change = (Decision.Change) decision;
    GameWrite write = GameWrite.update(stored.game(), change.game(), TopicEvents.updated(change.action(), change.game()))
      .before(deadline);
    return published(gameId, write, () -> store.write(write)).compose(offset -> {
      if (offset == GameStore.LATE) {
        return late(); // between the check above and the script, the caller stopped waiting
      }
      if (offset == GameStore.CONFLICT) {
        recent.forget(gameId);
        return remembered
          ? reloaded(gameId, decide, attempt, deadline)
          : retry(attempt).compose(v -> reloaded(gameId, decide, attempt + 1, deadline));
      }
      recent.stored(change.game(), offset);
      metrics.changed(change.action().type());
      return Future.succeededFuture(new Applied(stored.game(), change, offset));
    }, failure -> {
      recent.forget(gameId); // it may or may not have been stored
      return Future.failedFuture(failure);
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
      return published(gameId, old, () -> store.rematch(old, created)).compose(offset -> {
        if (offset != GameStore.CONFLICT) {
          recent.stored(create.created(), 1);
          publisher.game(create.created().gameId(), EncodedEvent.withOffset(created.event(), created.eventText(), 1));
        }
        return Future.succeededFuture(offset);
      }).compose(offset -> offset != GameStore.CONFLICT
        ? Future.succeededFuture(new Rematched(create.created(), 1, offset)).andThen(done -> metrics.changed("rematch"))
        : retry(attempt).compose(v -> rematch(gameId, userId, planner, attempt + 1)));
    });
  }

  /** Publishes the event of a write once it is stored, never ahead of an earlier write of the same game. */
  private Future<Long> published(String gameId, GameWrite write, Supplier<Future<Long>> store) {
    sequencer.writing(gameId);
    return store.get().andThen(done -> {
      boolean stored = done.succeeded() && done.result() > 0;
      long offset = stored ? done.result() : 0;
      EncodedEvent withOffset = stored ? EncodedEvent.withOffset(write.event(), write.eventText(), offset) : null;
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
