package dev.parlor.game;

import dev.parlor.game.play.GameVerticle;
import dev.parlor.game.store.RedisGameStore;
import dev.parlor.runtime.ParlorService;
import dev.parlor.runtime.ServiceContext;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;

/** The game-service: owns lobby, matchmaking and games; state in Redis under {@code game:*}. */
public final class GameService implements ParlorService {

  @Override
  public String name() {
    return "game";
  }

  @Override
  public Future<?> deploy(ServiceContext context) {
    RedisGameStore store = new RedisGameStore(context.redis());
    return context.deploy(() -> new GameVerticle(store),
      new DeploymentOptions().setInstances(context.config().getInt(GameSettings.INSTANCES)));
  }
}
