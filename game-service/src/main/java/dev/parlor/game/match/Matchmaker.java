package dev.parlor.game.match;

import dev.parlor.contracts.Caller;
import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GameAction;
import dev.parlor.contracts.game.GameEvents;
import dev.parlor.game.model.NewGames;
import dev.parlor.game.play.GameMetrics;
import dev.parlor.game.play.Publisher;
import dev.parlor.game.play.TopicEvents;
import dev.parlor.game.rules.GameRules;
import dev.parlor.game.rules.RuleBook;
import dev.parlor.runtime.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Quick match: queues a player or pairs them with the longest-waiting one in a new game that starts at once (the
 * player who waited moves first), then tells both through their user topics. Quick-match games are public, so
 * anyone may watch.
 */
public final class Matchmaker {

  private final MatchQueue queue;
  private final UserDelivery delivery;
  private final Publisher publisher;
  private final long gatewaySilenceMs;
  private final GameMetrics metrics;

  public Matchmaker(MatchQueue queue, UserDelivery delivery, Publisher publisher, long gatewaySilenceMs,
                    GameMetrics metrics) {
    this.metrics = metrics;
    this.queue = queue;
    this.delivery = delivery;
    this.publisher = publisher;
    this.gatewaySilenceMs = gatewaySilenceMs;
  }

  /** Answers once the caller is queued or paired; the match itself is announced on both user topics. */
  public Future<Void> enqueue(GameRules rules, Caller caller) {
    String gameId = Ids.random(12);
    String nonce = Ids.random(12);
    String idToken = "@@id-" + nonce + "@@";
    String nameToken = "@@name-" + nonce + "@@";
    Game template = NewGames.playing(rules, Game.PUBLIC, gameId, null, new String[] {idToken, nameToken},
      new String[] {caller.userId(), caller.name()}, Instant.now().toString());
    JsonObject event = TopicEvents.updated(new GameAction(GameAction.CREATED, caller.userId(), null), template);
    MatchTemplate match = new MatchTemplate(gameId, template.toJson().encode(), event.encode(),
      '"' + idToken + '"', '"' + nameToken + '"');
    JsonObject ticket = new JsonObject().put("userId", caller.userId()).put("name", caller.name())
      .put("sessionId", caller.sessionId()).put("gatewayId", caller.gatewayId());
    long now = System.currentTimeMillis();
    return queue.enqueue(rules.kind(), ticket, match, now, now - gatewaySilenceMs).map(paired -> {
      if (paired.matched()) {
        metrics.matched(rules.kind());
        announce(Game.fromJson(paired.game()), caller.userId());
      }
      return null;
    });
  }

  private void announce(Game game, String requester) {
    publisher.game(game.gameId(), TopicEvents.updated(new GameAction(GameAction.CREATED, requester, null), game), 1);
    JsonObject data = new JsonObject().put("game", game.toJson()).put("offset", 1L);
    for (var player : game.players()) {
      delivery.deliver(player.userId(), GameEvents.MATCHED, data);
    }
  }

  public Future<Void> cancel(GameRules rules, String userId) {
    return queue.cancel(rules.kind(), userId);
  }

  /** Takes a user whose sessions are all gone out of every queue. */
  public Future<Void> dropUser(String userId) {
    return queue.drop(RuleBook.kinds(), userId);
  }
}
