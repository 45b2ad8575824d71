package dev.parlor.game.store;

import dev.parlor.contracts.game.Game;
import dev.parlor.contracts.game.GameSummary;
import dev.parlor.runtime.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Games in Redis (keys in {@link Keys}). Every change is one Lua script doing the version check, the new state, the
 * appended event and the lobby and invite entries together; a finished game and its history expire after
 * {@code finishedTtlSeconds}.
 */
public final class RedisGameStore implements GameStore {

  private final Redis redis;
  private final long finishedTtlSeconds;

  public RedisGameStore(Redis redis, long finishedTtlSeconds) {
    this.redis = redis;
    this.finishedTtlSeconds = finishedTtlSeconds;
  }

  @Override
  public Future<StoredGame> load(String gameId) {
    return GameScripts.LOAD.run(redis, List.of(Keys.game(gameId), Keys.events(gameId)), List.of()).map(r -> {
      String state = r.get(0).toString();
      return state.isEmpty() ? null : new StoredGame(Game.fromJson(new JsonObject(state)), r.get(1).toLong());
    });
  }

  @Override
  public Future<String> findInvite(String code) {
    return redis.send(Request.cmd(Command.GET).arg(Keys.invite(code)))
      .map(r -> r == null ? null : r.toString());
  }

  @Override
  public Future<Long> write(GameWrite write) {
    Game game = write.game();
    String lobbyOp = write.inLobby() ? "add" : write.expectedVersion() == 0 ? "-" : "del";
    String inviteOp = write.waiting() && game.inviteCode() != null ? "set" : "del";
    String inviteKey = Keys.invite(game.inviteCode() == null ? "-" : game.inviteCode());
    return GameScripts.WRITE.run(redis,
      List.of(Keys.game(game.gameId()), Keys.events(game.gameId()), Keys.LOBBY, inviteKey, Keys.PLAYING),
      List.of(String.valueOf(write.expectedVersion()), String.valueOf(game.version()), game.toJson().encode(),
        lobbyOp, game.gameId(), "add".equals(lobbyOp) ? GameSummary.of(game).toJson().encode() : "", inviteOp,
        String.valueOf(write.finished() ? finishedTtlSeconds : 0), write.eventText(),
        Game.PLAYING.equals(game.status()) ? "add" : "del",
        write.deadline() == Long.MAX_VALUE ? "0" : String.valueOf(write.deadline())))
      .map(Response::toLong);
  }

  @Override
  public Future<Long> rematch(GameWrite old, GameWrite created) {
    String oldId = old.game().gameId();
    String newId = created.game().gameId();
    return GameScripts.REMATCH.run(redis,
      List.of(Keys.game(oldId), Keys.events(oldId), Keys.game(newId), Keys.events(newId), Keys.PLAYING),
      List.of(String.valueOf(old.expectedVersion()), String.valueOf(old.game().version()),
        old.game().toJson().encode(), old.eventText(), String.valueOf(finishedTtlSeconds),
        created.game().toJson().encode(), created.eventText(), oldId, newId))
      .map(Response::toLong);
  }

  @Override
  public Future<GameHistory> history(String gameId, long since) {
    return GameScripts.HISTORY.run(redis, List.of(Keys.game(gameId), Keys.events(gameId), Keys.EPOCH),
        List.of(String.valueOf(since), Ids.random(12)))
      .map(r -> {
        String state = r.get(2).toString();
        if (state.isEmpty()) {
          return new GameHistory(null, 0, r.get(0).toString(), List.of());
        }
        List<JsonObject> events = new ArrayList<>();
        long offset = since;
        for (Response event : r.get(3)) {
          events.add(new JsonObject(event.toString()).put("offset", ++offset));
        }
        return new GameHistory(Game.fromJson(new JsonObject(state)), r.get(1).toLong(), r.get(0).toString(), events);
      });
  }

  @Override
  public Future<Map<String, Long>> heads(List<String> gameIds) {
    if (gameIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<Request> lengths = gameIds.stream().map(id -> Request.cmd(Command.LLEN).arg(Keys.events(id))).toList();
    return redis.batch(lengths).map(replies -> {
      Map<String, Long> heads = new HashMap<>();
      for (int i = 0; i < gameIds.size(); i++) {
        heads.put(gameIds.get(i), replies.get(i).toLong());
      }
      return heads;
    });
  }

  @Override
  public Future<List<GameSummary>> lobby() {
    return redis.send(Request.cmd(Command.HVALS).arg(Keys.LOBBY)).map(r -> {
      List<GameSummary> games = new ArrayList<>();
      for (Response summary : r) {
        games.add(GameSummary.fromJson(new JsonObject(summary.toString())));
      }
      games.sort(Comparator.comparing(GameSummary::createdAt).thenComparing(GameSummary::gameId));
      return games;
    });
  }
}
