package dev.parlor.gateway.topics;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.protocol.Topics;

/** A parsed client topic name and what the gateway needs to know about it. */
public record TopicName(Kind kind, String id, String name) {

  /** {@code CANARY}: the gateway's own delivery canary; {@link #parse} never yields it, so no client can follow it. */
  public enum Kind { USER, LOBBY, GAME, PRESENCE, CANARY }

  /** The topic a name denotes, or {@code null} when the name is malformed. */
  public static TopicName parse(Object value) {
    if (!(value instanceof String name)) {
      return null;
    }
    if (name.equals(Topics.LOBBY)) {
      return new TopicName(Kind.LOBBY, "", name);
    }
    if (name.startsWith(Topics.USER_PREFIX)) {
      return withId(Kind.USER, name, name.substring(Topics.USER_PREFIX.length()), false);
    }
    if (name.startsWith(Topics.GAME_PREFIX)) {
      return withId(Kind.GAME, name, name.substring(Topics.GAME_PREFIX.length()), false);
    }
    if (name.startsWith(Topics.PRESENCE_PREFIX)) {
      return withId(Kind.PRESENCE, name, name.substring(Topics.PRESENCE_PREFIX.length()), true);
    }
    return null;
  }

  public static TopicName user(String userId) {
    return new TopicName(Kind.USER, userId, Topics.USER_PREFIX + userId);
  }

  /** The delivery canary of one gateway process (see {@code DeliveryCanary}). */
  public static TopicName canary(String gatewayId) {
    return new TopicName(Kind.CANARY, gatewayId, "canary:" + gatewayId);
  }

  private static TopicName withId(Kind kind, String name, String id, boolean room) {
    return (room ? Topics.ROOM : Topics.ID).matcher(id).matches() ? new TopicName(kind, id, name) : null;
  }

  /** Durable topics number their events and can replay them. */
  public boolean durable() {
    return kind == Kind.USER || kind == Kind.GAME;
  }

  /** The event-bus address its events are published to. */
  public String address() {
    return switch (kind) {
      case USER -> Addresses.Topics.user(id);
      case GAME -> Addresses.Topics.game(id);
      case PRESENCE -> Addresses.Topics.presence(id);
      case LOBBY -> Addresses.Topics.LOBBY;
      case CANARY -> Addresses.Topics.canary(id);
    };
  }
}
