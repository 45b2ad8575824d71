package dev.parlor.presence.store;

import dev.parlor.contracts.Caller;
import dev.parlor.presence.rules.PresenceUpdate;
import dev.parlor.presence.tick.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Who is in which room, held per session: a user is one member of a room while any of their sessions is in it. Every
 * change is also appended to its room's change log, which {@link #drain} hands to exactly one ticker at a time.
 * Methods that answer rooms answer those whose change log grew, so the caller knows which rooms to tick.
 */
public interface PresenceStore {

  /** Joins or updates the caller's member; true when the room changed. Fails {@link SessionClosed} for a dead session. */
  Future<Boolean> set(Caller caller, PresenceUpdate update);

  /** Takes the caller's session out of the room; true when the member left (it was their last session there). */
  Future<Boolean> leave(Caller caller, String room);

  /** A session ended: it leaves every room it was in, and no later request of it can bring it back. */
  Future<List<String>> closeSession(String sessionId, String gatewayId);

  /** The current members of a room, as Member JSON. */
  Future<List<JsonObject>> members(String room);

  /** Remembers a user's avatar for later joins and puts it on their current members. */
  Future<List<String>> setAvatar(String userId, JsonObject avatar);

  /** A gateway is alive at {@code nowMs}. */
  Future<Void> gatewayAlive(String gatewayId, long nowMs);

  /**
   * Closes every session of gateways unheard of since {@code deadBeforeMs}. Only one reaper works at a time across
   * the cluster ({@code reaperId} holds a lease of {@code leaseMs}); the others answer no rooms.
   */
  Future<List<String>> reapGateways(long deadBeforeMs, String reaperId, long leaseMs);

  /**
   * Records that these rooms are being ticked, as of {@code nowMs}. A room whose record goes stale while changes are
   * pending lost its ticker (an instance killed between a change and its tick): {@link #orphanedRooms} finds it.
   */
  Future<Void> roomsTicked(List<String> rooms, long nowMs);

  /** Rooms not recorded as ticked since {@code staleBeforeMs} that still have pending changes; forgets idle ones. */
  Future<List<String>> orphanedRooms(long staleBeforeMs);

  /** Takes a room's pending changes if {@code tickerId} holds (or can take) the room's tick lease. */
  Future<Drained> drain(String room, String tickerId, long leaseMs);

  /** Gives up a room's tick lease if {@code tickerId} holds it, so another instance ticks the room at once. */
  Future<Void> releaseTick(String room, String tickerId);

  /** What a drain found. */
  record Drained(Outcome outcome, List<Change> changes) {

    public enum Outcome {
      /** Another instance ticks this room now. */
      TICKED_ELSEWHERE,
      /** Nothing pending; the lease is released. */
      IDLE,
      /** These changes are ours to publish, and nobody else's. */
      DRAINED
    }
  }

  /** The session has closed; it may not join rooms again. */
  final class SessionClosed extends RuntimeException {

    public SessionClosed(String sessionId) {
      super("session " + sessionId + " is closed", null, false, false);
    }
  }
}
