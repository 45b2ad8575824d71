package dev.parlor.game.play;

import dev.parlor.contracts.Addresses;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/** Publishes topic events, only ever after the change they announce is stored. */
public final class Publisher {

  private final EventBus bus;

  public Publisher(EventBus bus) {
    this.bus = bus;
  }

  /** A game topic event ({@code {event, data}}) with its offset. */
  public void game(String gameId, JsonObject event, long offset) {
    bus.publish(Addresses.Topics.game(gameId), event.copy().put("offset", offset));
  }

  /** A game topic event that already carries its offset. */
  public void game(String gameId, JsonObject eventWithOffset) {
    bus.publish(Addresses.Topics.game(gameId), eventWithOffset);
  }

  public void lobby(JsonObject event) {
    bus.publish(Addresses.Topics.LOBBY, event);
  }
}
