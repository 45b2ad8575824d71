package dev.parlor.loadgen;

import dev.parlor.client.ParlorClient;
import dev.parlor.client.Session;
import dev.parlor.client.TopicEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code games}: G public connect-four games, each with two players and S spectators, playing moves at a total rate.
 * A game moves again once its previous move was answered. Every game plays the same 42-move draw, then its players
 * ask for a rematch and go on; the games start a round apart ({@link #startDelayMs}), so that they do not all end at
 * once. Measures the move round trip (request to reply, at the mover) and the delivery of the move's event to each
 * spectator.
 *
 * <p>Options: {@code --games 100 --spectators 1 --rate 1000 --duration 10 --warmup 3 --stagger true}.
 */
final class GamesScenario implements Scenario {

  /** A full board without a winner: 42 moves, column by column pairs (the game-service's own draw sequence). */
  static final int[] DRAW = {0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 2, 3, 2, 3, 2, 3, 3, 2, 3, 2, 3, 2,
    4, 5, 4, 5, 4, 5, 5, 4, 5, 4, 5, 4, 6, 6, 6, 6, 6, 6};

  private final Queue<Game> ready = new ConcurrentLinkedQueue<>();
  private Metrics metrics;

  /** One game in play; its fields are touched by the players' and spectators' event loops and the pacer's. */
  private final class Game {
    final Session creator;
    final Session joiner;
    final List<Session> spectators;
    volatile String gameId;
    volatile Session first;
    volatile int moves;
    volatile long startOffset;
    /** When move k of the current game was sent, for the spectators' delivery latency. */
    final java.util.concurrent.atomic.AtomicLongArray sent = new java.util.concurrent.atomic.AtomicLongArray(DRAW.length);

    Game(Session creator, Session joiner, List<Session> spectators) {
      this.creator = creator;
      this.joiner = joiner;
      this.spectators = spectators;
    }

    Future<Void> start(JsonObject game, long atOffset) {
      String previous = gameId;
      gameId = game.getString("gameId");
      first = creator.guest().userId().equals(game.getString("turn")) ? creator : joiner;
      moves = 0;
      startOffset = atOffset;
      for (int i = 0; i < DRAW.length; i++) {
        sent.set(i, 0);
      }
      List<Future<?>> subscribed = new ArrayList<>();
      for (Session s : all()) {
        if (previous != null) {
          s.unsubscribe("game:" + previous);
        }
        subscribed.add(s.subscribe("game:" + gameId, atOffset, spectators.contains(s) ? this::watched : e -> { }));
      }
      return Future.all(subscribed).mapEmpty();
    }

    List<Session> all() {
      List<Session> all = new ArrayList<>(spectators);
      all.add(creator);
      all.add(joiner);
      return all;
    }

    boolean move() {
      Session mover = moves % 2 == 0 ? first : (first == creator ? joiner : creator);
      long started = System.nanoTime();
      sent.set(moves, started);
      mover.request("game.move", new JsonObject().put("gameId", gameId)
          .put("move", new JsonObject().put("column", DRAW[moves])))
        .onSuccess(result -> {
          metrics.since("move", started);
          metrics.count("moves");
          if (++moves == DRAW.length) {
            rematch();
          } else {
            ready.add(this);
          }
        })
        .onFailure(e -> {
          metrics.error(e);
          ready.add(this);
        });
      return true;
    }

    private void rematch() {
      long started = System.nanoTime();
      creator.request("game.rematch", new JsonObject().put("gameId", gameId))
        .compose(r -> start(r.getJsonObject("game"), r.getLong("offset")))
        .onSuccess(v -> {
          metrics.since("rematch", started);
          ready.add(this);
        })
        .onFailure(metrics::error);
    }

    private void watched(TopicEvent event) {
      long k = event.offset() - startOffset - 1;
      long sentAt = k >= 0 && k < DRAW.length ? sent.get((int) k) : 0;
      if (sentAt != 0) {
        metrics.since("spectator", sentAt);
        metrics.count("deliveries");
      }
    }
  }

  /**
   * When game {@code g} makes its first move. Every game moves once per round ({@code games / rate} seconds) and ends
   * after {@link #DRAW}'s 42 moves. Staggered ({@code --stagger true}, the default), game g starts {@code g % 42}
   * rounds late, so about a 42nd of the games end, and ask for a rematch, in each round, as the games of a real
   * population end at all times. Unstaggered, all start together, end in the same round and rematch at once: a herd
   * of G rematches, each a new game topic on every gateway, every 42 rounds (session 16: the p99 of moves was the
   * herd's).
   */
  static long startDelayMs(int g, int games, double rate, boolean stagger) {
    return stagger ? Math.round(g % DRAW.length * (games / rate * 1000)) : 0;
  }

  @Override
  public JsonObject run(Vertx vertx, ParlorClient client, LoadOptions options, Metrics metrics) throws Exception {
    this.metrics = metrics;
    int games = options.integer("games", 100);
    int spectators = options.integer("spectators", 1);
    double rate = options.decimal("rate", 1000);
    options.requireConnections((long) games * (2 + spectators));
    List<Session> sessions = Population.connect(client, games * (2 + spectators), "g", 200, i -> null, metrics);
    if (sessions.size() < games * (2 + spectators)) {
      throw new IllegalStateException("only " + sessions.size() + " sessions connected");
    }
    List<Game> all = new ArrayList<>();
    for (int g = 0; g < games; g++) {
      int base = g * (2 + spectators);
      Game game = new Game(sessions.get(base), sessions.get(base + 1), sessions.subList(base + 2, base + 2 + spectators));
      JsonObject created = Scenario.await(game.creator.request("game.create",
        new JsonObject().put("kind", "connect4").put("visibility", "public")), 30);
      JsonObject joined = Scenario.await(game.joiner.request("game.join",
        new JsonObject().put("gameId", created.getJsonObject("game").getString("gameId"))), 30);
      Scenario.await(game.start(joined.getJsonObject("game"), joined.getLong("offset")), 30);
      all.add(game);
    }
    boolean stagger = options.flag("stagger", true);
    for (int g = 0; g < all.size(); g++) {
      Game game = all.get(g);
      long delayMs = startDelayMs(g, games, rate, stagger);
      if (delayMs == 0) {
        ready.add(game);
      } else {
        vertx.setTimer(delayMs, id -> ready.add(game));
      }
    }
    Pacer pacer = new Pacer(vertx, rate, () -> {
      Game next = ready.poll();
      return next != null && next.move();
    }, metrics);
    double seconds = Scenario.paced(pacer, options, metrics, 3);
    Thread.sleep(500);
    Population.closeAll(sessions);
    return new JsonObject().put("gamesCount", games).put("spectatorsPerGame", spectators)
      .put("offeredMovesPerSecond", rate)
      .put("movesPerSecond", Math.round(metrics.counter("moves") / seconds))
      .put("spectatorDeliveriesPerSecond", Math.round(metrics.counter("deliveries") / seconds))
      .put("gaps", client.stats().gaps()).put("duplicates", client.stats().duplicates())
      .put("measuredSeconds", seconds);
  }
}
