package dev.parlor.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real WebSocket client speaking the Parlor protocol, for tests. Frames arrive on an event loop and queue up; the
 * test thread takes them in order with a timeout. Never call its blocking methods from an event loop.
 */
public final class WsClient implements AutoCloseable {

  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebSocket socket;
  private final WebSocketClient client;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  /** Frames passed over while waiting for a reply: events are kept for {@link #awaitEvent}. */
  private final java.util.List<JsonObject> passed = new java.util.ArrayList<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();
  private final AtomicInteger ids = new AtomicInteger();

  private WsClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
  }

  public static WsClient connect(Vertx vertx, int port) throws Exception {
    return connect(vertx, port, "/ws");
  }

  public static WsClient connect(Vertx vertx, int port, String path) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    Future<WebSocket> connecting = client.connect(new WebSocketConnectOptions()
      .setHost("127.0.0.1").setPort(port).setURI(path));
    WebSocket socket = connecting.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new WsClient(client, socket);
  }

  public void send(JsonObject frame) {
    socket.writeTextMessage(frame.encode());
  }

  public void sendText(String text) {
    socket.writeTextMessage(text);
  }

  /** Sends {@code {"type":"hello","token":…}} and returns the next frame (the welcome, or an error). */
  public JsonObject hello(String token) throws InterruptedException {
    send(new JsonObject().put("type", "hello").put("token", token));
    return next();
  }

  /** Sends an op with a fresh id and returns the reply or error with that id, skipping events in between. */
  public JsonObject request(String op, JsonObject args) throws InterruptedException {
    String id = "r" + ids.incrementAndGet();
    send(args.copy().put("type", op).put("id", id));
    return replyTo(id);
  }

  /** The next reply or error whose {@code re} is {@code id}; other frames before it are skipped. */
  public JsonObject replyTo(String id) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new AssertionError("No reply to " + id + " within " + TIMEOUT);
      }
      if (id.equals(frame.getString("re"))) {
        return frame;
      }
      passed.add(frame);
    }
  }

  /** The first event on {@code topic} named {@code event} (kept or new); frames before it stay available. */
  public JsonObject awaitEvent(String topic, String event) throws InterruptedException {
    return awaitEvent(topic, event, f -> true, TIMEOUT);
  }

  /** The first event on {@code topic} named {@code event} that {@code test} accepts, within {@code timeout}. */
  public JsonObject awaitEvent(String topic, String event, java.util.function.Predicate<JsonObject> test,
                               Duration timeout) throws InterruptedException {
    java.util.function.Predicate<JsonObject> wanted = frame -> "event".equals(frame.getString("type"))
      && topic.equals(frame.getString("topic")) && event.equals(frame.getString("event")) && test.test(frame);
    for (java.util.Iterator<JsonObject> it = passed.iterator(); it.hasNext(); ) {
      JsonObject frame = it.next();
      if (wanted.test(frame)) {
        it.remove();
        return frame;
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new AssertionError("No " + event + " on " + topic + " within " + timeout + "; passed over: " + passed);
      }
      if (wanted.test(frame)) {
        return frame;
      }
      passed.add(frame);
    }
  }

  /** The first frame of {@code type} (kept or new), e.g. {@code reconnect}; frames before it stay available. */
  public JsonObject awaitFrame(String type) throws InterruptedException {
    for (java.util.Iterator<JsonObject> it = passed.iterator(); it.hasNext(); ) {
      JsonObject frame = it.next();
      if (type.equals(frame.getString("type"))) {
        it.remove();
        return frame;
      }
    }
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new AssertionError("No " + type + " frame within " + TIMEOUT + "; passed over: " + passed);
      }
      if (type.equals(frame.getString("type"))) {
        return frame;
      }
      passed.add(frame);
    }
  }

  /** Every frame received and not yet taken, without waiting (e.g. after the connection closed). */
  public java.util.List<JsonObject> takeAll() {
    java.util.List<JsonObject> all = new java.util.ArrayList<>(passed);
    passed.clear();
    frames.drainTo(all);
    return all;
  }

  /** The next frame (first those passed over while waiting for replies), or an assertion failure after the timeout. */
  public JsonObject next() throws InterruptedException {
    if (!passed.isEmpty()) {
      return passed.remove(0);
    }
    JsonObject frame = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (frame == null) {
      throw new AssertionError("No frame within " + TIMEOUT);
    }
    return frame;
  }

  /** The close status the server sent, waiting up to the timeout. */
  public short awaitClose() throws Exception {
    return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    socket.close();
    client.close();
  }
}
