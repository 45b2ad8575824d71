package dev.parlor.game.play;

import dev.parlor.contracts.game.GameSummary;
import dev.parlor.game.model.Transitions;
import dev.parlor.game.store.GameStore;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.ServiceVerticle;
import io.vertx.core.Future;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes public games nobody joined in time, so the lobby only shows games someone still waits at. Every instance
 * sweeps; the version check lets exactly one of them expire a game.
 */
public final class LobbyVerticle extends ServiceVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(LobbyVerticle.class);

  private final GameStore store;
  private final TopicSequencer<EncodedEvent> sequencer;
  private final GameMetrics metrics;
  private final RecentGames recent;
  private final long expireAfterMs;
  private final long sweepEveryMs;
  private GameChanges changes;
  private Publisher publisher;
  private long timer;

  public LobbyVerticle(ServiceContext context, GameStore store, TopicSequencer<EncodedEvent> sequencer, RecentGames recent,
                       GameMetrics metrics, long expireAfterMs, long sweepEveryMs) {
    super(context);
    this.store = store;
    this.sequencer = sequencer;
    this.recent = recent;
    this.metrics = metrics;
    this.expireAfterMs = expireAfterMs;
    this.sweepEveryMs = sweepEveryMs;
  }

  @Override
  public Future<?> start() {
    publisher = new Publisher(vertx.eventBus());
    changes = new GameChanges(vertx, store, publisher, sequencer, recent, metrics);
    timer = vertx.setPeriodic(sweepEveryMs, id -> sweep());
    return Future.succeededFuture();
  }

  @Override
  protected Future<?> onStop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void sweep() {
    long cutoff = System.currentTimeMillis() - expireAfterMs;
    store.lobby().onSuccess(games -> {
      for (GameSummary game : games) {
        if (Instant.parse(game.createdAt()).toEpochMilli() < cutoff) {
          expire(game.gameId());
        }
      }
    }).onFailure(e -> LOG.warn("Lobby sweep failed: {}", e.toString()));
  }

  private void expire(String gameId) {
    changes.apply(gameId, game -> Transitions.expire(game, Instant.now().toString()))
      .onSuccess(applied -> publisher.lobby(TopicEvents.lobbyClosed(gameId)))
      .onFailure(e -> {
        if (!(e instanceof GameFailure)) {
          LOG.warn("Could not expire game {}: {}", gameId, e.toString());
        }
      });
  }
}
