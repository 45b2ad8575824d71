package dev.parlor.game.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.Caller;
import dev.parlor.contracts.ErrorCode;
import dev.parlor.game.GameService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whole games through the event bus of a real game-service node on real Redis. */
class GamePlayTest {

  private static TestCluster cluster;
  private static ParlorRuntime node;
  private static GameBus bus;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    node = cluster.start(new JsonObject(), new GameService());
    bus = new GameBus(node.vertx());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static JsonObject create(Caller caller, String kind, String visibility) {
    return bus.call(Addresses.Game.CREATE, caller, new JsonObject().put("kind", kind).put("visibility", visibility));
  }

  static long move(Caller caller, String gameId, String field, int value) {
    return bus.call(Addresses.Game.MOVE, caller, new JsonObject().put("gameId", gameId)
      .put("move", new JsonObject().put(field, value))).getLong("offset");
  }

  @Test
  void publicTicTacToeGamePlayedToAWinThroughTheEventBus() {
    Caller alice = GameBus.user("Alice");
    Caller bob = GameBus.user("Bob");
    try (GameBus.Listener lobby = bus.listen(Addresses.Topics.LOBBY)) {
      JsonObject created = create(alice, "tictactoe", "public");
      JsonObject game = created.getJsonObject("game");
      String gameId = game.getString("gameId");
      assertEquals(1, created.getLong("offset"));
      assertEquals("waiting", game.getString("status"));
      assertTrue(game.containsKey("inviteCode"));
      assertEquals("X", game.getJsonArray("players").getJsonObject(0).getString("mark"));

      JsonObject opened = lobby.next();
      assertEquals("lobby.opened", opened.getString("event"));
      assertEquals(gameId, opened.getJsonObject("data").getJsonObject("game").getString("gameId"));
      assertTrue(lobbyIds().contains(gameId));

      try (GameBus.Listener topic = bus.listen(Addresses.Topics.game(gameId))) {
        JsonObject joined = bus.call(Addresses.Game.JOIN, bob, new JsonObject().put("gameId", gameId));
        assertEquals(2, joined.getLong("offset"));
        assertEquals("playing", joined.getJsonObject("game").getString("status"));
        assertEquals(alice.userId(), joined.getJsonObject("game").getString("turn"));
        JsonObject closed = lobby.next();
        assertEquals("lobby.closed", closed.getString("event"));
        assertEquals(gameId, closed.getJsonObject("data").getString("gameId"));
        assertFalse(lobbyIds().contains(gameId));

        assertEquals(3, move(alice, gameId, "cell", 0));
        bus.refused(ErrorCode.NOT_YOUR_TURN, Addresses.Game.MOVE, alice,
          new JsonObject().put("gameId", gameId).put("move", new JsonObject().put("cell", 1)));
        bus.refused(ErrorCode.ILLEGAL_MOVE, Addresses.Game.MOVE, bob,
          new JsonObject().put("gameId", gameId).put("move", new JsonObject().put("cell", 0)));
        assertEquals(4, move(bob, gameId, "cell", 3));
        assertEquals(5, move(alice, gameId, "cell", 1));
        assertEquals(6, move(bob, gameId, "cell", 4));
        assertEquals(7, move(alice, gameId, "cell", 2));
        bus.refused(ErrorCode.GAME_OVER, Addresses.Game.MOVE, bob,
          new JsonObject().put("gameId", gameId).put("move", new JsonObject().put("cell", 5)));

        List<JsonObject> events = new ArrayList<>();
        while (events.size() < 6) {
          JsonObject event = topic.next();
          // The created event (offset 1) was published before this listener existed, but a clustered publish looks
          // its subscribers up asynchronously, so it may still arrive here: it is not what this test checks.
          if (event.getLong("offset") != 1) {
            events.add(event);
          }
        }
        for (int i = 0; i < events.size(); i++) {
          JsonObject event = events.get(i);
          assertEquals(i + 2, event.getLong("offset"));
          assertEquals("game.updated", event.getString("event"));
          assertFalse(event.getJsonObject("data").getJsonObject("game").containsKey("inviteCode"));
        }
        assertEquals("joined", events.get(0).getJsonObject("data").getJsonObject("action").getString("type"));
        JsonObject last = events.get(5).getJsonObject("data");
        assertEquals(new JsonObject().put("type", "move").put("by", alice.userId())
          .put("move", new JsonObject().put("cell", 2)), last.getJsonObject("action"));
        assertEquals("finished", last.getJsonObject("game").getString("status"));
        assertEquals(alice.userId(), last.getJsonObject("game").getString("winner"));
        assertEquals(new JsonArray().add(0).add(1).add(2), last.getJsonObject("game").getJsonArray("winningLine"));
      }

      JsonObject replay = bus.call(Addresses.Game.SUBSCRIBE, GameBus.user("Spectator"),
        new JsonObject().put("gameId", gameId).put("since", 0));
      assertEquals(7, replay.getLong("offset"));
      assertTrue(replay.getBoolean("recovered"));
      JsonArray all = replay.getJsonArray("events");
      assertEquals(7, all.size());
      for (int i = 0; i < 7; i++) {
        assertEquals(i + 1, all.getJsonObject(i).getLong("offset"));
      }
      assertEquals("created", all.getJsonObject(0).getJsonObject("data").getJsonObject("action").getString("type"));
      assertFalse(replay.getJsonObject("snapshot").getJsonObject("game").containsKey("inviteCode"));
    }
  }

  @Test
  void aMoveThatArrivesAfterItsCallersDeadlineIsRefusedAndNotApplied() throws Exception {
    Caller alice = GameBus.user("Alice");
    Caller bob = GameBus.user("Bob");
    String gameId = create(alice, "tictactoe", "public").getJsonObject("game").getString("gameId");
    JsonObject joined = bus.call(Addresses.Game.JOIN, bob, new JsonObject().put("gameId", gameId));
    Caller first = alice.userId().equals(joined.getJsonObject("game").getString("turn")) ? alice : bob;
    // As if the gateway had given up on it one second ago.
    io.vertx.core.eventbus.DeliveryOptions late = new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(10_000)
      .addHeader(dev.parlor.contracts.Deadline.HEADER, Long.toString(System.currentTimeMillis() - 1_000));
    java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
      java.util.concurrent.ExecutionException.class, () -> bus.send(Addresses.Game.MOVE, first, new JsonObject()
        .put("gameId", gameId).put("move", new JsonObject().put("cell", 4)), late)
        .toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(ErrorCode.UNAVAILABLE, GameBus.codeOf(refused.getCause()));
    // Nothing was applied: the same player's move is still the next one, at the next offset.
    assertEquals(3, move(first, gameId, "cell", 4));
  }

  @Test
  void headsAnswerEachGamesNewestOffsetInOneRequest() {
    Caller alice = GameBus.user("Alice");
    Caller bob = GameBus.user("Bob");
    String waiting = create(alice, "tictactoe", "private").getJsonObject("game").getString("gameId");
    String playing = create(alice, "tictactoe", "public").getJsonObject("game").getString("gameId");
    long joined = bus.call(Addresses.Game.JOIN, bob, new JsonObject().put("gameId", playing)).getLong("offset");
    JsonObject offsets = bus.call(Addresses.Game.HEADS, null, new JsonObject()
      .put("gameIds", new io.vertx.core.json.JsonArray().add(waiting).add(playing).add("noSuchGame")))
      .getJsonObject("offsets");
    assertEquals(new JsonObject().put(waiting, 1L).put(playing, joined).put("noSuchGame", 0L), offsets);
    for (Object gameIds : new Object[] {null, "x", new io.vertx.core.json.JsonArray(),
      new io.vertx.core.json.JsonArray().add(7), new io.vertx.core.json.JsonArray().add(""),
      new io.vertx.core.json.JsonArray(java.util.Collections.nCopies(Addresses.Game.MAX_HEADS + 1, "g"))}) {
      bus.refused(ErrorCode.INVALID_ARGS, Addresses.Game.HEADS, null, new JsonObject().put("gameIds", gameIds));
    }
  }

  @Test
  void rematchSwapsTheFirstMoveAndIsTheSameGameWhenAskedAgain() {
    Caller alice = GameBus.user("Alice");
    Caller bob = GameBus.user("Bob");
    String gameId = create(alice, "connect4", "private").getJsonObject("game").getString("gameId");
    String code = bus.call(Addresses.Game.SUBSCRIBE, alice, new JsonObject().put("gameId", gameId))
      .getJsonObject("snapshot").getJsonObject("game").getString("inviteCode");
    bus.call(Addresses.Game.JOIN, bob, new JsonObject().put("inviteCode", code));
    bus.refused(ErrorCode.CONFLICT, Addresses.Game.REMATCH, bob, new JsonObject().put("gameId", gameId));
    long offset = bus.call(Addresses.Game.RESIGN, bob, new JsonObject().put("gameId", gameId)).getLong("offset");
    assertEquals(3, offset);

    try (GameBus.Listener oldTopic = bus.listen(Addresses.Topics.game(gameId))) {
      JsonObject first = bus.call(Addresses.Game.REMATCH, bob, new JsonObject().put("gameId", gameId));
      JsonObject again = bus.call(Addresses.Game.REMATCH, alice, new JsonObject().put("gameId", gameId));
      JsonObject rematch = first.getJsonObject("game");
      assertEquals(rematch.getString("gameId"), again.getJsonObject("game").getString("gameId"));
      assertNotEquals(gameId, rematch.getString("gameId"));
      assertEquals("playing", rematch.getString("status"));
      assertEquals(bob.userId(), rematch.getString("turn"));
      JsonArray players = rematch.getJsonArray("players");
      assertEquals(bob.userId(), players.getJsonObject(0).getString("userId"));
      assertEquals("R", players.getJsonObject(0).getString("mark"));
      assertEquals("Y", players.getJsonObject(1).getString("mark"));
      assertEquals(1, first.getLong("offset"));

      JsonObject announced = oldTopic.next();
      while (announced.getLong("offset") <= offset) {
        // the resign event, published just before this listener started, may still arrive
        announced = oldTopic.next();
      }
      assertEquals("game.rematched", announced.getString("event"));
      assertEquals(4, announced.getLong("offset"));
      assertEquals(rematch.getString("gameId"), announced.getJsonObject("data").getJsonObject("game").getString("gameId"));
      assertEquals(1, announced.getJsonObject("data").getLong("offset"));
    }
    String newId = bus.call(Addresses.Game.REMATCH, alice, new JsonObject().put("gameId", gameId))
      .getJsonObject("game").getString("gameId");
    assertEquals(2, move(bob, newId, "column", 3));
  }

  @Test
  void privateGameIsJoinedOnlyByInviteCodeWhichStopsWorkingOnceFull() {
    Caller alice = GameBus.user("Alice");
    JsonObject game = create(alice, "tictactoe", "private").getJsonObject("game");
    String gameId = game.getString("gameId");
    String code = game.getString("inviteCode");
    assertTrue(code.length() >= 16);
    assertFalse(lobbyIds().contains(gameId));
    Caller eve = GameBus.user("Eve");
    bus.refused(ErrorCode.FORBIDDEN, Addresses.Game.JOIN, eve, new JsonObject().put("gameId", gameId));
    bus.refused(ErrorCode.FORBIDDEN, Addresses.Game.SUBSCRIBE, eve, new JsonObject().put("gameId", gameId));
    bus.refused(ErrorCode.CONFLICT, Addresses.Game.JOIN, alice, new JsonObject().put("inviteCode", code));
    Caller bob = GameBus.user("Bob");
    JsonObject joined = bus.call(Addresses.Game.JOIN, bob, new JsonObject().put("inviteCode", code));
    assertEquals(code, joined.getJsonObject("game").getString("inviteCode"));
    bus.refused(ErrorCode.NOT_FOUND, Addresses.Game.JOIN, eve, new JsonObject().put("inviteCode", code));
    bus.refused(ErrorCode.NOT_FOUND, Addresses.Game.JOIN, eve, new JsonObject().put("inviteCode", "nope"));
  }

  @Test
  void malformedAndUnknownRequestsGetTypedErrorsInProtocolOrder() {
    Caller alice = GameBus.user("Alice");
    bus.refused(ErrorCode.UNAUTHORIZED, Addresses.Game.CREATE, null, new JsonObject().put("kind", "tictactoe"));
    bus.refused(ErrorCode.INVALID_ARGS, Addresses.Game.CREATE, alice, new JsonObject().put("kind", "chess")
      .put("visibility", "public"));
    bus.refused(ErrorCode.INVALID_ARGS, Addresses.Game.CREATE, alice, new JsonObject().put("kind", "tictactoe"));
    bus.refused(ErrorCode.INVALID_ARGS, Addresses.Game.JOIN, alice, new JsonObject());
    bus.refused(ErrorCode.INVALID_ARGS, Addresses.Game.JOIN, alice, new JsonObject().put("gameId", 5));
    bus.refused(ErrorCode.INVALID_ARGS, Addresses.Game.MOVE, alice, new JsonObject().put("gameId", "missing"));
    bus.refused(ErrorCode.NOT_FOUND, Addresses.Game.MOVE, alice, new JsonObject().put("gameId", "missing")
      .put("move", new JsonObject().put("cell", 1)));
    bus.refused(ErrorCode.NOT_FOUND, Addresses.Game.SUBSCRIBE, alice, new JsonObject().put("gameId", "missing"));
    bus.refused(ErrorCode.INVALID_ARGS, Addresses.Game.SUBSCRIBE, alice, new JsonObject().put("gameId", "x")
      .put("since", -1));
    String gameId = create(alice, "connect4", "public").getJsonObject("game").getString("gameId");
    Caller eve = GameBus.user("Eve");
    // invalid_args (a tic-tac-toe move on a connect-four game) beats forbidden
    bus.refused(ErrorCode.INVALID_ARGS, Addresses.Game.MOVE, eve, new JsonObject().put("gameId", gameId)
      .put("move", new JsonObject().put("cell", 1)));
    bus.refused(ErrorCode.FORBIDDEN, Addresses.Game.MOVE, eve, new JsonObject().put("gameId", gameId)
      .put("move", new JsonObject().put("column", 1)));
    bus.refused(ErrorCode.CONFLICT, Addresses.Game.MOVE, alice, new JsonObject().put("gameId", gameId)
      .put("move", new JsonObject().put("column", 1)));
    bus.refused(ErrorCode.FORBIDDEN, Addresses.Game.CLAIM_WIN, eve, new JsonObject().put("gameId", gameId));
    bus.refused(ErrorCode.CONFLICT, Addresses.Game.CLAIM_WIN, alice, new JsonObject().put("gameId", gameId));
  }

  @Test
  void subscribeReplaysAfterSinceAndRefusesWhatItCannotRecover() {
    Caller alice = GameBus.user("Alice");
    Caller bob = GameBus.user("Bob");
    String gameId = create(alice, "tictactoe", "public").getJsonObject("game").getString("gameId");
    bus.call(Addresses.Game.JOIN, bob, new JsonObject().put("gameId", gameId));
    move(alice, gameId, "cell", 4);
    JsonObject plain = bus.call(Addresses.Game.SUBSCRIBE, alice, new JsonObject().put("gameId", gameId));
    assertEquals(3, plain.getLong("offset"));
    assertFalse(plain.containsKey("recovered"));
    assertTrue(plain.getJsonObject("snapshot").getJsonObject("game").containsKey("inviteCode"));
    String epoch = plain.getString("epoch");

    JsonObject tail = bus.call(Addresses.Game.SUBSCRIBE, bob, new JsonObject().put("gameId", gameId).put("since", 2)
      .put("epoch", epoch));
    assertTrue(tail.getBoolean("recovered"));
    assertEquals(1, tail.getJsonArray("events").size());
    assertEquals(3, tail.getJsonArray("events").getJsonObject(0).getLong("offset"));

    JsonObject upToDate = bus.call(Addresses.Game.SUBSCRIBE, bob, new JsonObject().put("gameId", gameId).put("since", 3));
    assertTrue(upToDate.getBoolean("recovered"));
    assertTrue(upToDate.getJsonArray("events").isEmpty());

    JsonObject beyond = bus.call(Addresses.Game.SUBSCRIBE, bob, new JsonObject().put("gameId", gameId).put("since", 9));
    assertFalse(beyond.getBoolean("recovered"));
    assertTrue(beyond.getJsonArray("events").isEmpty());

    JsonObject otherEpoch = bus.call(Addresses.Game.SUBSCRIBE, bob, new JsonObject().put("gameId", gameId)
      .put("since", 1).put("epoch", epoch + "-old"));
    assertFalse(otherEpoch.getBoolean("recovered"));
    assertTrue(otherEpoch.getJsonArray("events").isEmpty());
    JsonObject spectator = bus.call(Addresses.Game.SUBSCRIBE, GameBus.user("Spectator"),
      new JsonObject().put("gameId", gameId));
    assertNull(spectator.getJsonObject("snapshot").getJsonObject("game").getString("inviteCode"));
  }

  @Test
  void hundredPlayersJoiningOnePublicGameAtOnceLeaveExactlyTwoPlayers() {
    Caller alice = GameBus.user("Alice");
    String gameId = create(alice, "tictactoe", "public").getJsonObject("game").getString("gameId");
    List<Future<JsonObject>> joins = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      joins.add(bus.send(Addresses.Game.JOIN, GameBus.user("P" + i), new JsonObject().put("gameId", gameId)));
    }
    GameBus.await(Future.join(joins).transform(done -> Future.succeededFuture()));
    long succeeded = joins.stream().filter(Future::succeeded).count();
    assertEquals(1, succeeded);
    joins.stream().filter(Future::failed)
      .forEach(f -> assertEquals(ErrorCode.CONFLICT, GameBus.codeOf(f.cause()), String.valueOf(f.cause())));
    JsonObject game = bus.call(Addresses.Game.SUBSCRIBE, alice, new JsonObject().put("gameId", gameId))
      .getJsonObject("snapshot").getJsonObject("game");
    assertEquals(2, game.getJsonArray("players").size());
    assertEquals(2, game.getLong("version"));
  }

  @Test
  void storedChangesAreCountedOnTheMetricsEndpoint() throws Exception {
    Caller alice = GameBus.user("Alice");
    create(alice, "tictactoe", "private");
    java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
      java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + node.port("game.management")
        + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("parlor_game_changes_total{action=\"created\"}"), metrics.body());
  }

  private static List<String> lobbyIds() {
    JsonArray games = bus.call(Addresses.Game.LOBBY, null, new JsonObject()).getJsonArray("games");
    return games.stream().map(g -> ((JsonObject) g).getString("gameId")).toList();
  }
}
