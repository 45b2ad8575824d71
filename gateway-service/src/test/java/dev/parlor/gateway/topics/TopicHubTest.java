package dev.parlor.gateway.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.parlor.gateway.metrics.GatewayMeters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One consumer per topic, shared by its listeners, gone with the last; each event encoded once for all. */
@ExtendWith(VertxExtension.class)
class TopicHubTest {

  @Test
  void listenersShareOneConsumerAndOneEncodedFrame(Vertx vertx, VertxTestContext ctx) {
    vertx.runOnContext(v -> {
      TopicHub hub = new TopicHub(vertx.eventBus());
      TopicName lobby = TopicName.parse("lobby");
      List<TopicEvent> first = new ArrayList<>();
      List<TopicEvent> second = new ArrayList<>();
      TopicHub.Listener a = first::add;
      TopicHub.Listener[] b = new TopicHub.Listener[1];
      // Listeners are called in turn on the event loop: when the second has the event, the first has it too.
      b[0] = event -> {
        second.add(event);
        ctx.verify(() -> {
          assertEquals(1, hub.topics());
          assertEquals(2, hub.listeners("lobby"));
          assertEquals(1, first.size());
          assertSame(first.get(0).frame(), second.get(0).frame(), "encoded once, shared by every listener");
          hub.remove(lobby, a);
          assertEquals(1, hub.topics());
          hub.remove(lobby, b[0]);
          assertEquals(0, hub.topics(), "the last listener removes the consumer");
          ctx.completeNow();
        });
      };
      hub.add(lobby, a).compose(x -> hub.add(lobby, b[0])).onComplete(ctx.succeeding(x -> vertx.eventBus()
        .publish("parlor.topic.lobby", new JsonObject().put("event", "lobby.opened").put("data", new JsonObject()))));
    });
  }

  @Test
  void aTopicsConsumerOutlivesItsLastListenerByTheLingerSoAReturningListenerFindsItInPlace(Vertx vertx,
      VertxTestContext ctx) {
    long lingerMs = 400;
    vertx.runOnContext(v -> {
      TopicHub hub = new TopicHub(vertx, GatewayMeters.none(), null, 0, 0, lingerMs, 60_000);
      TopicName game = TopicName.parse("game:g1");
      List<TopicEvent> heard = new ArrayList<>();
      TopicHub.Listener first = heard::add;
      TopicHub.Listener second = heard::add;
      Future<Void> registered = hub.add(game, first);
      registered.onComplete(ctx.succeeding(x -> {
        hub.remove(game, first);
        ctx.verify(() -> {
          assertEquals(1, hub.topics(), "the consumer lingers after its last listener left");
          assertEquals(0, hub.listeners("game:g1"));
        });
        Future<Void> again = hub.add(game, second);
        ctx.verify(() -> assertSame(registered, again, "the returning listener rides the same registration"));
        vertx.eventBus().publish("parlor.topic.game.g1", new JsonObject().put("event", "game.updated")
          .put("data", new JsonObject()).put("offset", 1));
        vertx.setTimer(100, t -> {
          ctx.verify(() -> assertEquals(1, heard.size(), "events reach the listener that came back"));
          hub.remove(game, second);
          vertx.setTimer(lingerMs / 2, t2 -> {
            ctx.verify(() -> assertEquals(1, hub.topics(), "still lingering within lingerMs"));
            vertx.setTimer(lingerMs + 500, t3 -> {
              ctx.verify(() -> assertEquals(0, hub.topics(), "removed once idle for lingerMs"));
              vertx.eventBus().request("parlor.topic.game.g1", "anyone?", new DeliveryOptions().setSendTimeout(2_000))
                .onComplete(ctx.failing(e -> ctx.verify(() -> {
                  assertEquals(ReplyFailure.NO_HANDLERS, ((ReplyException) e).failureType(),
                    "the consumer itself is unregistered");
                  ctx.completeNow();
                })));
            });
          });
        });
      }));
    });
  }

  @Test
  void anEphemeralTopicLingersByItsOwnShorterLingerWhileADurableOneStays(Vertx vertx, VertxTestContext ctx) {
    long durableMs = 60_000;
    long ephemeralMs = 300;
    vertx.runOnContext(v -> {
      TopicHub hub = new TopicHub(vertx, GatewayMeters.none(), null, 0, 0, durableMs, ephemeralMs);
      TopicName room = TopicName.parse("presence:r1");
      TopicName game = TopicName.parse("game:g1");
      TopicHub.Listener inRoom = event -> { };
      TopicHub.Listener inGame = event -> { };
      Future<Void> roomRegistered = hub.add(room, inRoom);
      Future<Void> gameRegistered = hub.add(game, inGame);
      Future.all(roomRegistered, gameRegistered).onComplete(ctx.succeeding(x -> {
        hub.remove(room, inRoom);
        hub.remove(game, inGame);
        ctx.verify(() -> assertEquals(2, hub.topics(), "both linger at first"));
        vertx.setTimer(ephemeralMs + 1_000, t -> ctx.verify(() -> {
          assertEquals(1, hub.topics(), "one feed is gone after the short linger");
          assertSame(gameRegistered, hub.add(game, inGame), "the game's feed is the one still in place");
          assertNotSame(roomRegistered, hub.add(room, inRoom), "the presence room's feed is a new one");
          assertEquals(2, hub.topics());
          ctx.completeNow();
        }));
      }));
    });
  }

  /**
   * Two games' feeds go idle a second apart: each is removed when its own linger is up, the first while the second
   * still lingers, not both in one batch. (A sweep every quarter of the linger, up to a second, as before, let the
   * first wait up to 750 ms here, and removed a second's worth of ended games at once.)
   */
  @Test
  void eachLingeringFeedIsRemovedWhenItsOwnLingerIsUpNotInABatchWithLaterOnes(Vertx vertx, VertxTestContext ctx) {
    long lingerMs = 3_000;
    vertx.runOnContext(v -> {
      TopicHub hub = new TopicHub(vertx, GatewayMeters.none(), null, 0, 0, lingerMs, 60_000);
      TopicName first = TopicName.parse("game:g1");
      TopicName second = TopicName.parse("game:g2");
      TopicHub.Listener inFirst = event -> { };
      TopicHub.Listener inSecond = event -> { };
      Future<Void> secondRegistered = hub.add(second, inSecond);
      // 100 ms after the hub started, so that the first is not due just as a once-a-second sweep comes by.
      Future.all(hub.add(first, inFirst), secondRegistered).onComplete(ctx.succeeding(x -> vertx.setTimer(100, t0 -> {
        hub.remove(first, inFirst);
        vertx.setTimer(1_000, t1 -> {
          hub.remove(second, inSecond);
          // The first is due at 3,000 ms, the second at 4,000: look at 3,000 + 4 sweeps.
          vertx.setTimer(lingerMs - 1_000 + 4 * TopicHub.SWEEP_MS, t2 -> ctx.verify(() -> {
            assertEquals(1, hub.topics(), "the first feed is gone within a few sweeps of its due time");
            assertSame(secondRegistered, hub.add(second, inSecond), "the one left is the second, still lingering");
            ctx.completeNow();
          }));
        });
      })));
    });
  }
}
