package dev.parlor.client;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One protocol session of one guest, which outlives its connections: it says {@code hello}, correlates replies,
 * follows topics, and when the connection drops it reconnects (exponential backoff, full jitter, moving on to the
 * next gateway when one cannot be reached) and resumes every topic from the last offset it delivered. A server
 * {@code reconnect} frame ({@code url?}, {@code delayMs?}) is honoured: the session moves there within the delay.
 * Everything runs on the session's lane; public methods may be called from any thread.
 */
public final class Session implements Wire.Listener {

  static final long GAP_WAIT_MS = 2_000;
  static final long HELLO_TIMEOUT_MS = 15_000;

  private enum State { NEW, CONNECTING, OPEN, WAITING, CLOSED }

  private final ParlorClient client;
  private final Lane lane;
  private final int source;
  private final Guest guest;
  private final SessionListener listener;
  private final ClientStats stats;
  private final Requests requests;
  private final Map<String, Topic> topics = new HashMap<>(4);
  private final Promise<JsonObject> firstWelcome = Promise.promise();
  private int gateway;
  private State state = State.NEW;
  private Wire wire;
  private int attempt;
  private int initialAttempts = 1;
  private boolean welcomedOnce;
  private long heartbeatMs;
  private long lastHeard;
  private Lane.Scheduled timer;
  private String hintGateway;
  private long hintDelayMs = -1;
  private ClientError closeCause;

  Session(ParlorClient client, Lane lane, int source, int gateway, Guest guest, SessionListener listener) {
    this.client = client;
    this.lane = lane;
    this.source = source;
    this.gateway = gateway;
    this.guest = guest;
    this.listener = listener == null ? new SessionListener() { } : listener;
    this.stats = client.stats();
    this.requests = new Requests(lane, client.options().requestTimeoutMs(), stats);
  }

  public Guest guest() {
    return guest;
  }

  /** Connects and says hello; the future completes with the first welcome. */
  public Future<JsonObject> connect() {
    return connect(1);
  }

  /** As {@link #connect()}, retrying the first connection up to {@code attempts} times in all. */
  public Future<JsonObject> connect(int attempts) {
    lane.run(() -> {
      if (state == State.NEW) {
        initialAttempts = Math.max(1, attempts);
        dial();
      }
    });
    return firstWelcome.future();
  }

  public boolean isOpen() {
    return state == State.OPEN;
  }

  /** Sends op {@code type} with {@code args}; completes with its result or fails with a {@link ClientError}. */
  public Future<JsonObject> request(String type, JsonObject args) {
    Promise<JsonObject> promise = Promise.promise();
    lane.run(() -> sendRequest(type, args, promise));
    return promise.future();
  }

  /** Sends an op without an id: no reply; a failure comes as {@link SessionListener#error}. */
  public void send(String type, JsonObject args) {
    lane.run(() -> {
      if (state == State.OPEN) {
        wire.send(frame(type, null, args).encode());
      }
    });
  }

  /**
   * Follows {@code topic} ({@code since} may be null); its events go to {@code handler} (null: the listener), in
   * offset order, once each, also across reconnects.
   */
  public Future<JsonObject> subscribe(String topic, Long since, Handler<TopicEvent> handler) {
    Promise<JsonObject> promise = Promise.promise();
    lane.run(() -> {
      Topic t = topics.computeIfAbsent(topic, Topic::new);
      t.handler = handler;
      subscribe(t, since, false).onComplete(promise);
    });
    return promise.future();
  }

  public Future<JsonObject> unsubscribe(String topic) {
    Promise<JsonObject> promise = Promise.promise();
    lane.run(() -> {
      Topic t = topics.remove(topic);
      if (t != null && t.gapCheck != null) {
        t.gapCheck.cancel();
      }
      sendRequest("unsubscribe", new JsonObject().put("topic", topic), promise);
    });
    return promise.future();
  }

  /** The last offset delivered on a durable topic, or -1. */
  public long offset(String topic) {
    Topic t = topics.get(topic);
    return t == null || t.cursor == null ? -1 : t.cursor.last();
  }

  /** Closes for good: no reconnect; waiting requests fail with {@code closed}. */
  public void close() {
    lane.run(() -> {
      if (state == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
      ClientError closed = new ClientError(ClientError.CLOSED, "session closed");
      requests.failAll(closed);
      firstWelcome.tryFail(closed);
      cancelTimer();
      topics.values().forEach(t -> cancelGapCheck(t));
      if (wire != null) {
        wire.close((short) 1000, "bye");
      }
    });
  }

  /** Closes the connection as a network failure would (tests, storms): the session reconnects and resumes. */
  public void dropConnection() {
    lane.run(() -> {
      if (wire != null) {
        wire.close((short) 1001, "dropped");
      }
    });
  }

  private static JsonObject frame(String type, String id, JsonObject args) {
    JsonObject frame = new JsonObject().put("type", type);
    if (id != null) {
      frame.put("id", id);
    }
    if (args != null) {
      frame.mergeIn(args);
    }
    return frame;
  }

  private void sendRequest(String type, JsonObject args, Promise<JsonObject> promise) {
    if (state != State.OPEN) {
      promise.fail(new ClientError(state == State.CLOSED ? ClientError.CLOSED : ClientError.DISCONNECTED,
        "not connected"));
      return;
    }
    wire.send(frame(type, requests.open(promise), args).encode());
  }

  private Future<JsonObject> subscribe(Topic t, Long since, boolean resuming) {
    JsonObject args = new JsonObject().put("topic", t.name);
    if (since != null) {
      args.put("since", since);
      if (t.cursor != null && t.cursor.epoch() != null) {
        args.put("epoch", t.cursor.epoch());
      }
    }
    t.subscribing = true;
    Promise<JsonObject> reply = Promise.promise();
    sendRequest("subscribe", args, reply);
    return reply.future().andThen(ar -> {
      t.subscribing = false;
      if (ar.succeeded() && topics.get(t.name) == t) {
        positioned(t, ar.result(), since);
        if (resuming) {
          listener.resumed(t.name, ar.result().getBoolean("recovered", false), ar.result());
        }
      } else if (ar.failed() && resuming && ar.cause() instanceof ClientError e
        && !ClientError.DISCONNECTED.equals(e.code())) {
        listener.error(e);
      }
    });
  }

  private void positioned(Topic t, JsonObject result, Long since) {
    Long offset = result.getLong("offset");
    if (offset == null) {
      return;
    }
    boolean replays = since != null && result.getBoolean("recovered", false);
    deliver(t, t.cursor().reset(result.getString("epoch"), replays ? since : offset));
  }

  // --- connection life -------------------------------------------------------------------------------------------

  private void dial() {
    state = State.CONNECTING;
    String target = hintGateway != null ? hintGateway : client.gateway(gateway);
    hintGateway = null;
    hintDelayMs = -1;
    client.open(source, target).onComplete(ar -> {
      if (state == State.CLOSED) {
        if (ar.succeeded()) {
          ar.result().close();
        }
        return;
      }
      if (ar.failed()) {
        stats.connectFailures.increment();
        gateway++;
        closed(-1, String.valueOf(ar.cause().getMessage()));
        return;
      }
      wire = client.options().transport() == Transport.SOCKJS ? SockJsWire.attach(ar.result(), this)
        : WebSocketWire.attach(ar.result(), this);
      lastHeard = System.nanoTime();
      wire.send(new JsonObject().put("type", "hello").put("token", guest.token()).encode());
      setTimer(HELLO_TIMEOUT_MS, this::helloExpired);
    });
  }

  private void helloExpired() {
    if (state == State.CONNECTING && wire != null) {
      wire.close((short) 1000, "no welcome");
    }
  }

  @Override
  public void message(String text) {
    lastHeard = System.nanoTime();
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      listener.unknownFrame(new JsonObject().put("raw", text));
      return;
    }
    switch (frame.getString("type", "")) {
      case "event" -> event(TopicEvent.fromFrame(frame));
      case "reply" -> requests.answer(frame.getString("re"), frame.getJsonObject("result"), null);
      case "error" -> error(frame);
      case "welcome" -> welcomed(frame);
      case "reconnect" -> reconnectAsked(frame);
      default -> listener.unknownFrame(frame);
    }
  }

  private void error(JsonObject frame) {
    ClientError error = ClientError.fromFrame(frame);
    if (!requests.answer(frame.getString("re"), null, error)) {
      stats.serverErrors.increment();
      if (state == State.CONNECTING) {
        closeCause = error;
      }
      listener.error(error);
    }
  }

  private void welcomed(JsonObject welcome) {
    state = State.OPEN;
    boolean resumed = welcomedOnce;
    welcomedOnce = true;
    attempt = 0;
    closeCause = null;
    (resumed ? stats.reconnects : stats.welcomes).increment();
    heartbeatMs = welcome.getLong("heartbeatMs", 25_000L);
    setTimer(silenceLimitMs(), this::checkAlive);
    String userTopic = "user:" + guest.userId();
    JsonObject user = welcome.getJsonObject("user");
    if (!topics.containsKey(userTopic) && user != null) {
      topics.computeIfAbsent(userTopic, Topic::new).cursor().reset(user.getString("epoch"), user.getLong("offset", 0L));
    }
    listener.welcomed(welcome, resumed);
    if (resumed) {
      for (Topic t : List.copyOf(topics.values())) {
        subscribe(t, t.cursor != null && t.cursor.positioned() ? t.cursor.last() : null, true);
      }
    }
    firstWelcome.tryComplete(welcome);
  }

  private void reconnectAsked(JsonObject frame) {
    hintGateway = frame.getString("url");
    hintDelayMs = Math.max(0, frame.getLong("delayMs", client.options().backoffBaseMs()));
    if (wire != null) {
      wire.close((short) 1000, "reconnecting as asked");
    }
  }

  private void checkAlive() {
    if (state != State.OPEN) {
      return;
    }
    long silentMs = (System.nanoTime() - lastHeard) / 1_000_000;
    long limit = silenceLimitMs();
    if (silentMs >= limit) {
      wire.close((short) 1001, "server silent");
    } else {
      setTimer(limit - silentMs, this::checkAlive);
    }
  }

  /** The server pings every heartbeatMs; half an interval more than it allows us before giving it up. */
  private long silenceLimitMs() {
    return 2 * heartbeatMs + heartbeatMs / 2;
  }

  @Override
  public void heard() {
    lastHeard = System.nanoTime();
  }

  @Override
  public void closed(int code, String reason) {
    wire = null;
    cancelTimer();
    requests.failAll(new ClientError(ClientError.DISCONNECTED, "connection lost (" + code + " " + reason + ")"));
    topics.values().forEach(t -> {
      t.subscribing = false;
      cancelGapCheck(t);
    });
    if (state == State.CLOSED) {
      return;
    }
    boolean hinted = hintDelayMs >= 0;
    boolean retry = code != 1008 && (welcomedOnce || attempt + 1 < initialAttempts);
    if (state == State.OPEN) {
      stats.disconnects.increment();
    }
    listener.disconnected(code, reason, retry);
    if (!retry) {
      state = State.CLOSED;
      firstWelcome.tryFail(closeCause != null ? closeCause
        : new ClientError(ClientError.DISCONNECTED, "could not connect (" + code + " " + reason + ")"));
      requests.failAll(new ClientError(ClientError.CLOSED, "session closed"));
      return;
    }
    state = State.WAITING;
    long delay = hinted ? ThreadLocalRandom.current().nextLong(hintDelayMs + 1) : client.backoff().delayMs(attempt++);
    setTimer(delay, this::dial);
  }

  // --- topics ----------------------------------------------------------------------------------------------------

  private void event(TopicEvent event) {
    Topic t = topics.get(event.topic());
    if (t == null) {
      return;
    }
    if (!event.durable()) {
      dispatch(t, event);
      return;
    }
    TopicCursor<TopicEvent> cursor = t.cursor();
    long duplicates = cursor.duplicates();
    long reordered = cursor.reordered();
    List<TopicEvent> ready = cursor.offer(event.offset(), event);
    stats.duplicates.add(cursor.duplicates() - duplicates);
    stats.reordered.add(cursor.reordered() - reordered);
    deliver(t, ready);
  }

  private void deliver(Topic t, List<TopicEvent> ready) {
    for (TopicEvent e : ready) {
      dispatch(t, e);
    }
    if (t.cursor != null && t.cursor.holding() && !t.subscribing) {
      if (t.gapCheck == null) {
        t.gapCheck = lane.schedule(GAP_WAIT_MS, () -> skipGap(t));
      }
    } else {
      cancelGapCheck(t);
    }
  }

  private void skipGap(Topic t) {
    t.gapCheck = null;
    if (t.subscribing || topics.get(t.name) != t) {
      return;
    }
    long gaps = t.cursor.gaps();
    List<TopicEvent> ready = t.cursor.skipGap();
    stats.gaps.add(t.cursor.gaps() - gaps);
    deliver(t, ready);
  }

  private void dispatch(Topic t, TopicEvent event) {
    if (t.handler != null) {
      t.handler.handle(event);
    } else {
      listener.event(event);
    }
  }

  private static void cancelGapCheck(Topic t) {
    if (t.gapCheck != null) {
      t.gapCheck.cancel();
      t.gapCheck = null;
    }
  }

  private void setTimer(long delayMs, Runnable action) {
    cancelTimer();
    timer = lane.schedule(delayMs, action);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }
}
