package dev.parlor.game.play;

import dev.parlor.contracts.Addresses;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * Publishes topic events, only ever after the change they announce is stored. A game event goes out with its JSON
 * text in a header ({@link Addresses.Topics#TEXT_HEADER}): gateways write that text to their sockets as it is, and
 * other consumers read the body as before.
 */
public final class Publisher {

  private final EventBus bus;

  public Publisher(EventBus bus) {
    this.bus = bus;
  }

  /** A game topic event ({@code {event, data}}) with its offset. */
  public void game(String gameId, JsonObject event, long offset) {
    game(gameId, EncodedEvent.withOffset(event, event.encode(), offset));
  }

  /** A game topic event with its offset, as it was stored. */
  public void game(String gameId, EncodedEvent event) {
    bus.publish(Addresses.Topics.game(gameId), event,
      new DeliveryOptions().addHeader(Addresses.Topics.TEXT_HEADER, event.encode()));
  }

  public void lobby(JsonObject event) {
    bus.publish(Addresses.Topics.LOBBY, event);
  }
}
