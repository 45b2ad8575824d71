package dev.parlor.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances in one cluster: a client that loses its connection to one and reconnects to the other
 * recovers, with {@code since}, exactly the events it missed — on its user topic and on a game topic.
 */
class ReconnectAcrossGatewaysTest {

  private static final TestCluster cluster = new TestCluster();
  private static ParlorRuntime first;
  private static ParlorRuntime second;
  private static ParlorRuntime services;
  private static final Vertx clients = Vertx.vertx();
  private static WebClient web;
  /** The game topic's history, as a game service would keep it. */
  private static final List<JsonObject> history = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    JsonObject settings = new JsonObject().put("gateway.token.secret", Guests.SECRET);
    first = cluster.start(settings, new GatewayService());
    second = cluster.start(settings, new GatewayService());
    // The first node also plays the game service: it serves parlor.game.subscribe and publishes game events.
    services = first;
    services.vertx().eventBus().<JsonObject>consumer(Addresses.Game.SUBSCRIBE, message -> {
      JsonObject body = message.body();
      long offset = history.size();
      JsonObject reply = new JsonObject().put("snapshot", new JsonObject().put("game", new JsonObject()
        .put("gameId", body.getString("gameId")).put("version", offset))).put("offset", offset).put("epoch", "g-e1");
      if (body.containsKey("since")) {
        long since = body.getLong("since");
        boolean recovered = since <= offset && "g-e1".equals(body.getString("epoch", "g-e1"));
        reply.put("recovered", recovered);
        if (recovered) {
          reply.put("events", new JsonArray(history.subList((int) since, (int) offset)));
        }
      }
      message.reply(reply);
    }).completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    web = WebClient.create(clients);
  }

  @AfterAll
  static void stop() {
    web.close();
    clients.close();
    cluster.close();
  }

  private static void gameEvent(String gameId) {
    JsonObject event = new JsonObject().put("event", "game.updated")
      .put("data", new JsonObject().put("n", history.size() + 1)).put("offset", history.size() + 1);
    history.add(event);
    services.vertx().eventBus().publish(Addresses.Topics.game(gameId), event);
  }

  private static void userEvent(ParlorRuntime via, String userId, int n) throws Exception {
    via.vertx().eventBus().request(Addresses.Gateway.USER_PUBLISH, new JsonObject().put("userId", userId)
        .put("event", "thumbnail.ready").put("data", new JsonObject().put("n", n)),
      new DeliveryOptions().setSendTimeout(5_000)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static JsonObject event(WsClient client) throws InterruptedException {
    JsonObject frame = client.next();
    assertEquals("event", frame.getString("type"), frame.encode());
    return frame;
  }

  @Test
  void reconnectingToAnotherGatewayRecoversExactlyTheMissedEvents() throws Exception {
    JsonObject guest = Guests.guest(web, first.port("gateway.http"), "Roamer");
    String userId = guest.getString("userId");
    String gameId = "roam1";
    String topic = "game:" + gameId;

    WsClient before = WsClient.connect(clients, first.port("gateway.http"));
    JsonObject welcome = before.hello(guest.getString("token"));
    String userEpoch = welcome.getJsonObject("user").getString("epoch");
    JsonObject subscribed = before.request("subscribe", new JsonObject().put("topic", topic));
    String gameEpoch = subscribed.getJsonObject("result").getString("epoch");
    gameEvent(gameId);
    userEvent(second, userId, 1);
    long lastGame = 0;
    long lastUser = 0;
    for (int i = 0; i < 2; i++) {
      JsonObject frame = event(before);
      if (frame.getString("topic").equals(topic)) {
        lastGame = frame.getLong("offset");
      } else {
        lastUser = frame.getLong("offset");
      }
    }
    assertEquals(1, lastGame);
    assertEquals(1, lastUser);
    before.close();

    // While the client is away, both topics move on; some of it through the gateway it will reconnect to.
    gameEvent(gameId);
    gameEvent(gameId);
    userEvent(first, userId, 2);
    userEvent(second, userId, 3);

    WsClient after = WsClient.connect(clients, second.port("gateway.http"));
    JsonObject again = after.hello(guest.getString("token"));
    assertEquals(3, again.getJsonObject("user").getLong("offset"));
    assertEquals(userEpoch, again.getJsonObject("user").getString("epoch"));
    JsonObject userReply = after.request("subscribe", new JsonObject().put("topic", "user:" + userId)
      .put("since", lastUser).put("epoch", userEpoch));
    assertTrue(userReply.getJsonObject("result").getBoolean("recovered"));
    assertEquals(2, event(after).getJsonObject("data").getInteger("n"));
    assertEquals(3, event(after).getJsonObject("data").getInteger("n"));
    JsonObject gameReply = after.request("subscribe", new JsonObject().put("topic", topic).put("since", lastGame)
      .put("epoch", gameEpoch));
    assertTrue(gameReply.getJsonObject("result").getBoolean("recovered"));
    assertEquals(3, gameReply.getJsonObject("result").getLong("offset"));
    assertEquals(2, event(after).getLong("offset"));
    assertEquals(3, event(after).getLong("offset"));

    // Live again, on the new gateway: nothing lost, nothing twice.
    gameEvent(gameId);
    assertEquals(4, event(after).getLong("offset"));
    userEvent(first, userId, 4);
    JsonObject live = event(after);
    assertEquals("user:" + userId, live.getString("topic"));
    assertEquals(4, live.getLong("offset"));
    after.send(new JsonObject().put("type", "ping").put("id", "end"));
    assertEquals("end", after.next().getString("re"));
    after.close();
  }
}
