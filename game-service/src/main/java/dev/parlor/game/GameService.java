package dev.parlor.game;

import dev.parlor.game.match.Matchmaker;
import dev.parlor.game.match.RedisMatchQueue;
import dev.parlor.game.match.UserDelivery;
import dev.parlor.game.play.GameVerticle;
import dev.parlor.game.play.LobbyVerticle;
import dev.parlor.game.play.EncodedEvent;
import dev.parlor.game.play.GameMetrics;
import dev.parlor.game.play.GameStats;
import dev.parlor.game.play.Publisher;
import dev.parlor.game.play.RecentGames;
import dev.parlor.game.play.TopicSequencer;
import dev.parlor.game.rules.RuleBook;
import dev.parlor.game.sessions.Absence;
import dev.parlor.game.sessions.RedisSessionStore;
import dev.parlor.game.sessions.SessionVerticle;
import dev.parlor.game.store.RedisGameStore;
import dev.parlor.runtime.ParlorService;
import dev.parlor.runtime.ServiceContext;
import dev.parlor.runtime.config.ServiceConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;

/**
 * The game-service: owns lobby, matchmaking and games; all state in Redis under {@code game:}, {@code lobby:} and
 * {@code match:}, so any number of instances serve any game and a restarted one loses nothing.
 */
public final class GameService implements ParlorService {

  @Override
  public String name() {
    return "game";
  }

  @Override
  public Future<?> deploy(ServiceContext context) {
    ServiceConfig config = context.config();
    long silenceMs = config.getLong(GameSettings.GATEWAY_SILENCE_MS);
    RedisGameStore store = new RedisGameStore(context.redis(), config.getLong(GameSettings.FINISHED_TTL_SECONDS));
    RedisSessionStore sessions = new RedisSessionStore(context.redis());
    UserDelivery delivery = new UserDelivery(context.vertx(), context.requestTimeoutMs(),
      config.getInt(GameSettings.MATCHED_DELIVERY_ATTEMPTS), config.getLong(GameSettings.MATCHED_DELIVERY_BACKOFF_MS));
    GameMetrics metrics = new GameMetrics(context.metrics());
    GameStats stats = new GameStats(context.redis(), RuleBook.kinds(), context.metrics());
    context.beaconStats(stats::read);
    Matchmaker matchmaker = new Matchmaker(new RedisMatchQueue(context.redis()), delivery,
      new Publisher(context.vertx().eventBus()), silenceMs, metrics);
    Absence absence = new Absence(config.getLong(GameSettings.ABANDON_AFTER_MS), silenceMs);
    TopicSequencer<EncodedEvent> sequencer = new TopicSequencer<>();
    RecentGames recent = new RecentGames(config.getInt(GameSettings.RECENT_GAMES));
    return context.deploy(() -> new SessionVerticle(context, sessions, matchmaker), new DeploymentOptions())
      .compose(id -> context.deploy(
        () -> new GameVerticle(context, store, sessions, matchmaker, absence, sequencer, recent, metrics),
        new DeploymentOptions().setInstances(config.getInt(GameSettings.INSTANCES))))
      .compose(id -> context.deploy(() -> new LobbyVerticle(context, store, sequencer, recent, metrics,
        config.getLong(GameSettings.WAITING_EXPIRE_SECONDS) * 1000, config.getLong(GameSettings.LOBBY_SWEEP_MS)),
        new DeploymentOptions()));
  }
}
