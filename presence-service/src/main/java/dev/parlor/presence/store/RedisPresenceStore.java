package dev.parlor.presence.store;

import static dev.parlor.presence.store.RedisRequests.mode;
import static dev.parlor.presence.store.RedisRequests.strings;

import dev.parlor.contracts.Caller;
import dev.parlor.presence.Batches;
import dev.parlor.presence.rules.PresenceUpdate;
import dev.parlor.presence.tick.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The presence state in Redis (keys in {@link PresenceKeys}). Room changes are single scripts ({@link RoomScripts});
 * the indexes around them (a session's rooms, a gateway's sessions, a user's rooms) are written first, so whoever
 * closes a session always finds every room it may have entered. A closed session leaves a marker that refuses its late
 * requests, and a join that raced with the close is undone when it sees that marker.
 */
public final class RedisPresenceStore implements PresenceStore {

  private static final long CLOSED_MARKER_SECONDS = 600;
  private static final long USER_ROOMS_SECONDS = 86_400;
  /** Kept for the user's later joins; guest users outlive neither their token nor this. */
  private static final long AVATAR_SECONDS = 7 * 86_400;

  private static final int KNOWN_SESSIONS = 100_000;

  private final Redis redis;
  private final KnownSessions known = new KnownSessions(KNOWN_SESSIONS);
  private final TickConnection ticks;

  public RedisPresenceStore(Redis redis) {
    this.redis = redis;
    this.ticks = new TickConnection(redis);
  }

  @Override
  public Future<Boolean> set(Caller caller, PresenceUpdate update) {
    String session = sessionOf(caller);
    if (!known.contains(session, update.room())) {
      return indexedSet(caller, session, update);
    }
    // Most sets are updates of a session already in the room: one script. One that is not (it left, closed or was
    // reaped since) is refused by the script and takes the indexed path.
    return runSet(caller, session, update, null, false).compose(result -> result.get(0).toInteger() < 0
      ? indexedSet(caller, session, update)
      : Future.succeededFuture(result.get(0).toInteger() == 1));
  }

  /** Writes the indexes first, so that whoever closes this session finds the room, then runs the room script. */
  private Future<Boolean> indexedSet(Caller caller, String session, PresenceUpdate update) {
    String room = update.room();
    List<Future<Response>> indexes = new ArrayList<>();
    Future<Response> closed = RoomScripts.INDEX_SESSION.run(redis,
      List.of(PresenceKeys.sessionRooms(session), PresenceKeys.sessionClosed(session)), List.of(room));
    indexes.add(closed);
    Future<Response> avatar = RoomScripts.INDEX_USER.run(redis,
      List.of(PresenceKeys.userRooms(caller.userId()), PresenceKeys.userAvatar(caller.userId())),
      List.of(room, USER_ROOMS_SECONDS));
    indexes.add(avatar);
    if (caller.gatewayId() != null) {
      indexes.add(send(Request.cmd(Command.SADD).arg(PresenceKeys.gatewaySessions(caller.gatewayId())).arg(session)));
      indexes.add(send(Request.cmd(Command.ZADD).arg(PresenceKeys.GATEWAYS).arg("NX")
        .arg(System.currentTimeMillis()).arg(caller.gatewayId())));
    }
    return Future.all(indexes).compose(done -> {
      if (closed.result().toInteger() == 1) {
        return Future.failedFuture(new SessionClosed(session));
      }
      return runSet(caller, session, update, avatar.result() == null ? null : avatar.result().toString(), true);
    }).compose(result -> {
      boolean changed = result.get(0).toInteger() == 1;
      if (result.get(1).toInteger() == 0) {
        known.add(session, room);
        return Future.succeededFuture(changed);
      }
      return undoIfClosedMeanwhile(session, room).map(undone -> {
        if (!undone) {
          known.add(session, room);
        }
        return changed || undone;
      });
    });
  }

  private Future<Response> runSet(Caller caller, String session, PresenceUpdate update, String avatar,
                                  boolean mayAdd) {
    return RoomScripts.SET.run(redis, List.of(PresenceKeys.room(update.room())), List.of(caller.userId(), session,
      Objects.requireNonNullElse(caller.name(), caller.userId()),
      mode(update.setsStatus(), update.status()), Objects.requireNonNullElse(update.status(), ""),
      mode(update.setsLocation(), update.location()),
      update.location() == null ? "" : update.location().toJson().encode(),
      avatar == null ? "" : avatar, mayAdd ? "1" : "0"));
  }

  /** The close of this session may have listed its rooms before this join landed: look again, and undo it. */
  private Future<Boolean> undoIfClosedMeanwhile(String session, String room) {
    return send(Request.cmd(Command.EXISTS).arg(PresenceKeys.sessionClosed(session))).compose(closed -> {
      if (closed.toLong() == 0) {
        return Future.succeededFuture(false);
      }
      return removeSession(room, session).map(left -> true);
    });
  }

  @Override
  public Future<Boolean> leave(Caller caller, String room) {
    String session = sessionOf(caller);
    known.remove(session, room);
    return removeSession(room, session).compose(outcome ->
      send(Request.cmd(Command.SREM).arg(PresenceKeys.sessionRooms(session)).arg(room)).map(outcome == 2));
  }

  /** 0: the session was not in the room; 1: removed, the member stays; 2: removed and the member left. */
  private Future<Integer> removeSession(String room, String session) {
    return RoomScripts.REMOVE_SESSION.run(redis, List.of(PresenceKeys.room(room)), List.of(session))
      .map(Response::toInteger);
  }

  @Override
  public Future<List<String>> closeSession(String sessionId, String gatewayId) {
    known.forget(sessionId);
    return send(Request.cmd(Command.SET).arg(PresenceKeys.sessionClosed(sessionId)).arg(1)
        .arg("EX").arg(CLOSED_MARKER_SECONDS))
      .compose(marked -> send(Request.cmd(Command.SMEMBERS).arg(PresenceKeys.sessionRooms(sessionId))))
      .compose(rooms -> {
        List<String> names = strings(rooms);
        return Batches.each(names, room -> removeSession(room, sessionId).map(outcome -> outcome == 2 ? room : null))
          .map(left -> left.stream().filter(Objects::nonNull).toList());
      })
      .compose(left -> {
        List<Future<Response>> cleanup = new ArrayList<>();
        cleanup.add(send(Request.cmd(Command.DEL).arg(PresenceKeys.sessionRooms(sessionId))));
        if (gatewayId != null) {
          cleanup.add(send(Request.cmd(Command.SREM).arg(PresenceKeys.gatewaySessions(gatewayId)).arg(sessionId)));
        }
        return Future.all(cleanup).map(done -> left);
      });
  }

  @Override
  public Future<List<JsonObject>> members(String room) {
    return send(Request.cmd(Command.HVALS).arg(PresenceKeys.room(room)[0]))
      .map(values -> {
        List<JsonObject> members = new ArrayList<>(values.size());
        values.forEach(value -> members.add(new JsonObject(value.toString())));
        return members;
      });
  }

  @Override
  public Future<List<String>> setAvatar(String userId, JsonObject avatar) {
    String json = avatar.encode();
    return send(Request.cmd(Command.SET).arg(PresenceKeys.userAvatar(userId)).arg(json).arg("EX").arg(AVATAR_SECONDS))
      .compose(stored -> send(Request.cmd(Command.SMEMBERS).arg(PresenceKeys.userRooms(userId))))
      .compose(rooms -> Batches.each(strings(rooms), room ->
        RoomScripts.AVATAR.run(redis, List.of(PresenceKeys.room(room)), List.of(userId, json))
          .map(updated -> updated.toInteger() == 1 ? room : null)))
      .map(rooms -> rooms.stream().filter(Objects::nonNull).toList());
  }

  @Override
  public Future<Void> gatewayAlive(String gatewayId, long nowMs) {
    return send(Request.cmd(Command.ZADD).arg(PresenceKeys.GATEWAYS).arg(nowMs).arg(gatewayId)).mapEmpty();
  }

  @Override
  public Future<List<String>> reapGateways(long deadBeforeMs, String reaperId, long leaseMs) {
    return send(Request.cmd(Command.SET).arg(PresenceKeys.REAPER).arg(reaperId).arg("NX").arg("PX").arg(leaseMs))
      .compose(lease -> lease == null
        ? Future.succeededFuture(List.of())
        : send(Request.cmd(Command.ZRANGE).arg(PresenceKeys.GATEWAYS).arg("-inf").arg(deadBeforeMs).arg("BYSCORE"))
          .compose(dead -> Batches.each(strings(dead), gateway -> reapGateway(gateway, deadBeforeMs)))
          .map(perGateway -> perGateway.stream().flatMap(List::stream).distinct().toList()));
  }

  private Future<List<String>> reapGateway(String gatewayId, long deadBeforeMs) {
    return send(Request.cmd(Command.SMEMBERS).arg(PresenceKeys.gatewaySessions(gatewayId)))
      .compose(sessions -> Batches.each(strings(sessions), session -> closeSession(session, gatewayId)))
      .compose(perSession -> RoomScripts.FORGET_GATEWAY.run(redis, List.of(PresenceKeys.GATEWAYS),
          List.of(gatewayId, deadBeforeMs))
        .map(forgotten -> perSession.stream().flatMap(List::stream).toList()));
  }

  @Override
  public Future<Void> roomsTicked(List<String> rooms, long nowMs) {
    if (rooms.isEmpty()) {
      return Future.succeededFuture();
    }
    Request zadd = Request.cmd(Command.ZADD).arg(PresenceKeys.TICKED_ROOMS);
    rooms.forEach(room -> zadd.arg(nowMs).arg(room));
    return send(zadd).mapEmpty();
  }

  @Override
  public Future<List<String>> orphanedRooms(long staleBeforeMs) {
    return send(Request.cmd(Command.ZRANGE).arg(PresenceKeys.TICKED_ROOMS).arg("-inf").arg(staleBeforeMs)
        .arg("BYSCORE"))
      .compose(stale -> Batches.each(strings(stale), room ->
        send(Request.cmd(Command.LLEN).arg(PresenceKeys.roomChanges(room))).compose(pending -> pending.toLong() > 0
          ? Future.succeededFuture(room)
          : send(Request.cmd(Command.ZREM).arg(PresenceKeys.TICKED_ROOMS).arg(room)).map(forgotten -> (String) null))))
      .map(rooms -> rooms.stream().filter(Objects::nonNull).toList());
  }

  @Override
  public Future<Drained> drain(String room, String tickerId, long leaseMs) {
    return RoomScripts.DRAIN.run(ticks::send,
        List.of(PresenceKeys.roomChanges(room), PresenceKeys.roomTicker(room)), List.of(tickerId, leaseMs))
      .map(result -> switch (result.get(0).toInteger()) {
        case 0 -> new Drained(Drained.Outcome.TICKED_ELSEWHERE, List.of());
        case 2 -> new Drained(Drained.Outcome.IDLE, List.of());
        default -> {
          List<Change> changes = new ArrayList<>(result.get(1).size());
          result.get(1).forEach(change -> changes.add(Change.fromJson(new JsonObject(change.toString()))));
          yield new Drained(Drained.Outcome.DRAINED, changes);
        }
      });
  }

  @Override
  public Future<Void> releaseTick(String room, String tickerId) {
    return RoomScripts.RELEASE_TICK.run(ticks::send, List.of(PresenceKeys.roomTicker(room)), List.of(tickerId))
      .mapEmpty();
  }

  /** Requests without a session (a trusted service acting for a user) hold the member as one pseudo-session. */
  static String sessionOf(Caller caller) {
    return caller.sessionId() != null ? caller.sessionId() : "user-" + caller.userId();
  }

  private Future<Response> send(Request request) {
    return redis.send(request);
  }
}
