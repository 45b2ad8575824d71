package dev.parlor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against tiny scripted WebSocket servers, for what a real gateway will not do on cue: stay silent, never
 * answer, ask the client to move, see which source address a connection comes from.
 */
class FakeGatewayTest {

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** A server that welcomes every hello (heartbeatMs as given) and hands every other frame to {@code script}. */
  private static String server(long heartbeatMs, BlockingQueue<String> peers,
                               BiConsumer<ServerWebSocket, JsonObject> script) throws Exception {
    HttpServer server = vertx.createHttpServer().webSocketHandler(ws -> {
      peers.add(ws.remoteAddress().host());
      ws.textMessageHandler(text -> {
        JsonObject frame = new JsonObject(text);
        if ("hello".equals(frame.getString("type")) && !"bad".equals(frame.getString("token"))) {
          ws.writeTextMessage(new JsonObject().put("type", "welcome").put("userId", "u1").put("name", "A")
            .put("sessionId", "s" + peers.size()).put("heartbeatMs", heartbeatMs).encode());
        } else {
          script.accept(ws, frame);
        }
      });
    });
    return "http://127.0.0.1:" + await(server.listen(0, "0.0.0.0")).actualPort();
  }

  private static ParlorClient client(ClientOptions options) throws Exception {
    return await(ParlorClient.create(vertx, options, 2));
  }

  @Test
  void aRequestWithoutAnswerFailsWithTimeout() throws Exception {
    String url = server(25_000, new LinkedBlockingQueue<>(), (ws, frame) -> { });
    ParlorClient client = client(ClientOptions.of(url).withRequestTimeoutMs(300));
    Session session = client.session(new Guest("u1", "A", "t"), null);
    await(session.connect());
    long started = System.nanoTime();
    ClientError error = assertFails(session.request("ping", null));
    assertEquals(ClientError.TIMEOUT, error.code());
    assertTrue(System.nanoTime() - started >= 290_000_000L, "not before its time");
    assertEquals(1, client.stats().timeouts());
    session.close();
  }

  @Test
  void aSignInThatIsNeverAnsweredFailsWithTimeout() throws Exception {
    HttpServer silent = vertx.createHttpServer().requestHandler(request -> { });
    String url = "http://127.0.0.1:" + await(silent.listen(0, "127.0.0.1")).actualPort();
    ParlorClient client = client(ClientOptions.of(url).withRequestTimeoutMs(300));
    long started = System.nanoTime();
    ClientError error = assertFails(client.createGuest("Ann"));
    assertEquals(ClientError.TIMEOUT, error.code(), error.getMessage());
    assertTrue(System.nanoTime() - started < 3_000_000_000L, "bounded by the request timeout");
    assertEquals(1, client.stats().signInRetries(), "asked once more, then given up");
    await(silent.close());
  }

  @Test
  void aSignInLostOnTheWayIsAskedOnceMore() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    HttpServer losesTheFirst = vertx.createHttpServer().requestHandler(request -> {
      if (asked.incrementAndGet() > 1) {
        request.response().setStatusCode(201).putHeader("content-type", "application/json")
          .end(new JsonObject().put("userId", "u2").put("name", "Ann").put("token", "t2").encode());
      }
    });
    String url = "http://127.0.0.1:" + await(losesTheFirst.listen(0, "127.0.0.1")).actualPort();
    ParlorClient client = client(ClientOptions.of(url).withRequestTimeoutMs(300));
    Guest guest = await(client.createGuest("Ann"));
    assertEquals("u2", guest.userId());
    assertEquals(2, asked.get());
    assertEquals(1, client.stats().signInRetries());
    await(losesTheFirst.close());
  }

  @Test
  void aSignInRefusedOnItsMeritsIsNotAskedAgain() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    HttpServer refuses = vertx.createHttpServer().requestHandler(request -> {
      asked.incrementAndGet();
      request.response().setStatusCode(400).putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", new JsonObject().put("code", "invalid_args").put("message", "name"))
          .encode());
    });
    String url = "http://127.0.0.1:" + await(refuses.listen(0, "127.0.0.1")).actualPort();
    ParlorClient client = client(ClientOptions.of(url).withRequestTimeoutMs(300));
    assertEquals("invalid_args", assertFails(client.createGuest(" ")).code());
    assertEquals(1, asked.get());
    assertEquals(0, client.stats().signInRetries());
    await(refuses.close());
  }

  @Test
  void repliesAreMatchedToTheirRequestsByIdWhateverTheirOrder() throws Exception {
    List<ServerWebSocket> held = new java.util.ArrayList<>();
    List<JsonObject> asked = new java.util.ArrayList<>();
    String url = server(25_000, new LinkedBlockingQueue<>(), (ws, frame) -> {
      asked.add(frame);
      if (asked.size() == 2) {
        for (int i = 1; i >= 0; i--) {
          ws.writeTextMessage(new JsonObject().put("type", "reply").put("re", asked.get(i).getString("id"))
            .put("result", new JsonObject().put("n", asked.get(i).getInteger("n"))).encode());
        }
      }
    });
    Session session = client(ClientOptions.of(url)).session(new Guest("u1", "A", "t"), null);
    await(session.connect());
    Future<JsonObject> first = session.request("echo", new JsonObject().put("n", 1));
    Future<JsonObject> second = session.request("echo", new JsonObject().put("n", 2));
    assertEquals(1, await(first).getInteger("n"));
    assertEquals(2, await(second).getInteger("n"));
    session.close();
  }

  @Test
  void aRefusedTokenFailsTheConnectWithItsCodeAndIsNotRetried() throws Exception {
    BlockingQueue<String> peers = new LinkedBlockingQueue<>();
    String url = server(25_000, peers, (ws, frame) -> {
      ws.writeTextMessage(new JsonObject().put("type", "error").putNull("re").put("code", "unauthorized")
        .put("message", "invalid or expired token").encode());
      ws.close((short) 1008);
    });
    Session session = client(ClientOptions.of(url)).session(new Guest("u1", "A", "bad"), null);
    ClientError error = assertFails(session.connect(5));
    assertEquals("unauthorized", error.code());
    assertEquals(1, peers.size(), "a 1008 close is final");
  }

  @Test
  void aReconnectFrameMovesTheSessionToTheGatewayItNames() throws Exception {
    BlockingQueue<String> toB = new LinkedBlockingQueue<>();
    String b = server(25_000, toB, (ws, frame) -> { });
    String a = server(25_000, new LinkedBlockingQueue<>(), (ws, frame) -> {
      ws.writeTextMessage(new JsonObject().put("type", "reconnect").put("url", b).put("delayMs", 50).encode());
      vertx.setTimer(2_000, t -> ws.close((short) 1012));
    });
    BlockingQueue<Boolean> welcomes = new LinkedBlockingQueue<>();
    Session session = client(ClientOptions.of(a)).session(new Guest("u1", "A", "t"), new SessionListener() {
      @Override
      public void welcomed(JsonObject welcome, boolean resumed) {
        welcomes.add(resumed);
      }
    });
    await(session.connect());
    assertEquals(false, welcomes.poll(5, TimeUnit.SECONDS));
    session.send("bye", null);
    assertEquals(true, welcomes.poll(5, TimeUnit.SECONDS), "welcomed again");
    assertEquals("127.0.0.1", toB.poll(1, TimeUnit.SECONDS), "by the gateway the frame named");
    session.close();
  }

  @Test
  void aSilentServerIsGivenUpAndTheSessionReconnects() throws Exception {
    BlockingQueue<String> peers = new LinkedBlockingQueue<>();
    String url = server(200, peers, (ws, frame) -> { });
    ParlorClient client = client(ClientOptions.of(url).withBackoff(10, 50));
    Session session = client.session(new Guest("u1", "A", "t"), null);
    await(session.connect());
    assertTrue(peers.poll(1, TimeUnit.SECONDS) != null);
    assertTrue(peers.poll(3, TimeUnit.SECONDS) != null, "a second connection after 2.5 heartbeats of silence");
    assertTrue(client.stats().disconnects() >= 1);
    session.close();
  }

  @Test
  void sessionsAreSpreadOverTheGivenSourceAddresses() throws Exception {
    BlockingQueue<String> peers = new LinkedBlockingQueue<>();
    String url = server(25_000, peers, (ws, frame) -> { });
    ParlorClient client = client(ClientOptions.of(url).withLocalAddresses(List.of("127.0.0.2", "127.0.0.3")));
    Set<String> seen = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 4; i++) {
      Session session = client.session(new Guest("u" + i, "A", "t"), null);
      await(session.connect());
      seen.add(peers.poll(1, TimeUnit.SECONDS));
      session.close();
    }
    assertEquals(Set.of("127.0.0.2", "127.0.0.3"), seen);
  }

  private static void reply(ServerWebSocket ws, JsonObject request, JsonObject result) {
    ws.writeTextMessage(new JsonObject().put("type", "reply").put("re", request.getString("id")).put("result", result)
      .encode());
  }

  private static void event(ServerWebSocket ws, String topic, long offset) {
    ws.writeTextMessage(new JsonObject().put("type", "event").put("topic", topic).put("event", "game.updated")
      .put("data", new JsonObject()).put("offset", offset).encode());
  }

  @Test
  void aRepeatIsDroppedAndAMissingOffsetIsCountedAsAGapOnceItIsGivenUp() throws Exception {
    String topic = "game:g1";
    String url = server(25_000, new LinkedBlockingQueue<>(), (ws, frame) -> {
      reply(ws, frame, new JsonObject().put("topic", topic).put("snapshot", new JsonObject()).put("offset", 1)
        .put("epoch", "e1"));
      for (long offset : new long[] {2, 2, 4}) {
        event(ws, topic, offset);
      }
    });
    ParlorClient client = client(ClientOptions.of(url));
    Session session = client.session(new Guest("u1", "A", "t"), null);
    await(session.connect());
    BlockingQueue<Long> delivered = new LinkedBlockingQueue<>();
    await(session.subscribe(topic, null, e -> delivered.add(e.offset())));
    assertEquals(2L, delivered.poll(1, TimeUnit.SECONDS));
    assertEquals(null, delivered.poll(SessionTopics.GAP_WAIT_MS / 2, TimeUnit.MILLISECONDS), "4 waits for 3");
    assertEquals(4L, delivered.poll(SessionTopics.GAP_WAIT_MS, TimeUnit.MILLISECONDS), "then goes on without it");
    assertEquals(1, client.stats().duplicates());
    assertEquals(1, client.stats().gaps());
    session.close();
  }

  @Test
  void afterAReconnectEveryTopicIsResubscribedFromTheLastOffsetDeliveredInItsEpoch() throws Exception {
    String topic = "game:g2";
    BlockingQueue<JsonObject> subscribes = new LinkedBlockingQueue<>();
    String url = server(25_000, new LinkedBlockingQueue<>(), (ws, frame) -> {
      subscribes.add(frame);
      boolean resuming = frame.containsKey("since");
      reply(ws, frame, new JsonObject().put("topic", frame.getString("topic")).put("snapshot", new JsonObject())
        .put("offset", resuming ? 7 : 5).put("epoch", "e1").put("recovered", resuming));
      if (resuming) {
        event(ws, topic, 7);
      } else {
        event(ws, topic, 6);
      }
    });
    BlockingQueue<String> resumed = new LinkedBlockingQueue<>();
    ParlorClient client = client(ClientOptions.of(url).withBackoff(10, 50));
    Session session = client.session(new Guest("u1", "A", "t"), new SessionListener() {
      @Override
      public void resumed(String name, boolean recovered, JsonObject reply) {
        resumed.add(name + " " + recovered);
      }
    });
    await(session.connect());
    BlockingQueue<Long> delivered = new LinkedBlockingQueue<>();
    await(session.subscribe(topic, null, e -> delivered.add(e.offset())));
    assertEquals(6L, delivered.poll(1, TimeUnit.SECONDS));
    assertTrue(subscribes.poll(1, TimeUnit.SECONDS) != null);
    session.dropConnection();
    JsonObject again = subscribes.poll(5, TimeUnit.SECONDS);
    assertEquals(topic, again.getString("topic"));
    assertEquals(6L, again.getLong("since"), "from the last offset it delivered");
    assertEquals("e1", again.getString("epoch"), "in that offset's epoch");
    assertEquals(topic + " true", resumed.poll(5, TimeUnit.SECONDS));
    assertEquals(7L, delivered.poll(1, TimeUnit.SECONDS), "the missed event follows, once");
    assertEquals(7L, session.offset(topic));
    session.close();
  }

  @Test
  void aResubscribeRefusedForABusyServerIsRetriedWithBackoffButARefusalOnTheMeritsIsNot() throws Exception {
    String busy = "game:g3";
    String forbidden = "game:g4";
    BlockingQueue<String> resubscribes = new LinkedBlockingQueue<>();
    String url = server(25_000, new LinkedBlockingQueue<>(), (ws, frame) -> {
      String topic = frame.getString("topic");
      if (!frame.containsKey("since")) {
        reply(ws, frame, new JsonObject().put("topic", topic).put("snapshot", new JsonObject()).put("offset", 1)
          .put("epoch", "e1"));
        return;
      }
      resubscribes.add(topic);
      long asked = resubscribes.stream().filter(topic::equals).count();
      if (topic.equals(forbidden) || asked <= 2) {
        ws.writeTextMessage(new JsonObject().put("type", "error").put("re", frame.getString("id"))
          .put("code", topic.equals(forbidden) ? "forbidden" : "unavailable").put("message", "no").encode());
      } else {
        reply(ws, frame, new JsonObject().put("topic", topic).put("snapshot", new JsonObject()).put("offset", 1)
          .put("epoch", "e1").put("recovered", true));
      }
    });
    BlockingQueue<String> resumed = new LinkedBlockingQueue<>();
    BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    ParlorClient client = client(ClientOptions.of(url).withBackoff(20, 100));
    Session session = client.session(new Guest("u1", "A", "t"), new SessionListener() {
      @Override
      public void resumed(String name, boolean recovered, JsonObject reply) {
        resumed.add(name + " " + recovered);
      }

      @Override
      public void error(ClientError error) {
        errors.add(error.code());
      }
    });
    await(session.connect());
    await(session.subscribe(busy, null, e -> { }));
    await(session.subscribe(forbidden, null, e -> { }));
    session.dropConnection();
    assertEquals(busy + " true", resumed.poll(5, TimeUnit.SECONDS), "resumed on the third ask");
    Thread.sleep(500);
    assertEquals(3, resubscribes.stream().filter(busy::equals).count());
    assertEquals(1, resubscribes.stream().filter(forbidden::equals).count(), "forbidden is final: asked once");
    assertEquals(List.of("unavailable", "unavailable", "forbidden"), errors.stream().sorted(
      (a, b) -> b.compareTo(a)).toList(), "every refusal is told to the listener");
    assertEquals(null, resumed.poll(), "the forbidden topic never resumed");
    session.close();
  }

  @Test
  void anUpgradeThatIsNeverAnsweredFailsTheDialAfterTheRequestTimeoutAndTheNextDialWaitsLonger() throws Exception {
    // Accepts the TCP connection, reads the upgrade request, never answers it.
    int port = await(vertx.createNetServer().connectHandler(socket -> socket.handler(bytes -> { }))
      .listen(0, "127.0.0.1")).actualPort();
    ParlorClient client = client(ClientOptions.of("http://127.0.0.1:" + port).withRequestTimeoutMs(300));
    Session session = client.session(new Guest("u1", "A", "t"), null);
    long started = System.nanoTime();
    ClientError error = assertFails(session.connect(2));
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(ClientError.DISCONNECTED, error.code(), error.getMessage());
    assertTrue(error.getMessage().contains("no upgrade answer"), error.getMessage());
    assertTrue(tookMs >= 900 && tookMs < 5_000,
      "a dial of 300 ms, a second unanswered dial waits twice as long, then given up: " + tookMs + " ms");
    assertEquals(2, client.stats().connectFailures());
  }

  static ClientError assertFails(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ClientError e) {
      return e;
    }
    throw new AssertionError("expected a ClientError");
  }
}
