package dev.parlor.client;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One protocol session of one guest, which outlives its connections: it says {@code hello}, correlates replies,
 * follows topics, and when the connection drops it reconnects (exponential backoff, full jitter, moving on to the
 * next gateway when one cannot be reached) and resumes every topic from the last offset it delivered. A server
 * {@code reconnect} frame ({@code delayMs}, {@code jitterMs}, {@code url?}) is honoured: the session moves there within the delay.
 * Everything runs on the session's lane; public methods may be called from any thread.
 */
public final class Session implements Wire.Listener {

  static final long HELLO_TIMEOUT_MS = 15_000;

  private enum State { NEW, CONNECTING, OPEN, WAITING, CLOSED }

  private final ParlorClient client;
  private final Lane lane;
  private final int source;
  private final Guest guest;
  private final SessionListener listener;
  private final ClientStats stats;
  private final Requests requests;
  private final SessionTopics topics;
  private final Promise<JsonObject> firstWelcome = Promise.promise();
  private int gateway;
  /** Dials so far: the answer to a dial that was given up is closed. */
  private int dials;
  /** Dials in a row whose upgrade went unanswered: each waits twice as long as the one before, up to 4 times. */
  private int unansweredDials;
  /** Welcomes so far: a retry scheduled on one connection does nothing on the next. */
  private int connections;
  private State state = State.NEW;
  private Wire wire;
  private final ReconnectPolicy reconnects;
  private long heartbeatMs;
  private long lastHeard;
  private Lane.Scheduled timer;
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
    this.topics = new SessionTopics(lane, stats, this.listener);
    this.reconnects = new ReconnectPolicy(client.backoff(), bound -> ThreadLocalRandom.current().nextLong(bound + 1));
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
        reconnects.initialAttempts(attempts);
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
      Topic t = topics.follow(topic, handler);
      if (t.cursor == null || !t.cursor.positioned()) {
        t.requestedSince = since;
      }
      subscribe(t, since, false).onComplete(promise);
    });
    return promise.future();
  }

  public Future<JsonObject> unsubscribe(String topic) {
    Promise<JsonObject> promise = Promise.promise();
    lane.run(() -> {
      topics.forget(topic);
      sendRequest("unsubscribe", new JsonObject().put("topic", topic), promise);
    });
    return promise.future();
  }

  /** The last offset delivered on a durable topic, or -1. */
  public long offset(String topic) {
    return topics.offset(topic);
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
      topics.disconnected();
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
    int onConnection = connections;
    return reply.future().andThen(ar -> {
      t.subscribing = false;
      if (ar.succeeded() && topics.follows(t)) {
        t.resumeFailures = 0;
        topics.positioned(t, ar.result(), since);
        if (resuming) {
          listener.resumed(t.name, ar.result().getBoolean("recovered", false), ar.result());
        }
      } else if (ar.failed() && resuming && ar.cause() instanceof ClientError e
        && !ClientError.DISCONNECTED.equals(e.code())) {
        listener.error(e);
        if (e.retriable()) {
          // Nobody else asks again for an automatic resubscribe: retry it, backing off, while this connection lasts.
          lane.schedule(client.backoff().delayMs(t.resumeFailures++), () -> {
            if (state == State.OPEN && connections == onConnection && topics.follows(t) && !t.subscribing) {
              resubscribe(t);
            }
          });
        }
      }
    });
  }

  /** Resubscribes from the last event delivered or, if none was, from where the application asked to begin. */
  private void resubscribe(Topic t) {
    subscribe(t, t.cursor != null && t.cursor.positioned() ? t.cursor.last() : t.requestedSince, true);
  }

  // --- connection life -------------------------------------------------------------------------------------------

  private void dial() {
    state = State.CONNECTING;
    String hinted = reconnects.takeHintGateway();
    String target = hinted != null ? hinted : client.gateway(gateway);
    int dial = ++dials;
    // The socket's own connect timeout covers TCP only: an upgrade request that is never answered ends like any
    // request, after the request timeout. Dialling again sooner than a busy gateway answers only adds to its queue
    // (in a reconnect storm the upgrades it finally answers find nobody waiting): each unanswered dial in a row
    // waits twice as long as the one before, up to four times the request timeout.
    long upgradeMs = client.options().requestTimeoutMs() << Math.min(unansweredDials, 2);
    setTimer(upgradeMs, () -> {
      if (state == State.CONNECTING && wire == null && dials == dial) {
        stats.connectFailures.increment();
        unansweredDials++;
        gateway++;
        closed(-1, "no upgrade answer in " + upgradeMs + " ms");
      }
    });
    client.open(source, target).onComplete(ar -> {
      if (dials != dial || state != State.CONNECTING) {
        if (ar.succeeded()) {
          ar.result().close(); // closed by its owner, or given up for a later dial
        }
        return;
      }
      if (ar.failed()) {
        stats.connectFailures.increment();
        gateway++;
        closed(-1, String.valueOf(ar.cause().getMessage()));
        return;
      }
      unansweredDials = 0;
      wire = client.options().transport() == Transport.SOCKJS ? SockJsWire.attach(ar.result(), this)
        : WebSocketWire.attach(ar.result(), this);
      lastHeard = System.nanoTime();
      wire.send(new JsonObject().put("type", "hello").put("token", guest.token()).encode());
      setTimer(HELLO_TIMEOUT_MS, this::helloExpired);
    });
  }

  private void helloExpired() {
    if (state == State.CONNECTING && wire != null) {
      stats.helloTimeouts.increment();
      wire.close((short) 1000, "no welcome");
    }
  }

  @Override
  public void message(String text) {
    lastHeard = System.nanoTime();
    TopicEvent event = TopicEvent.fromText(text);
    if (event != null) {
      topics.event(event);
      return;
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      listener.unknownFrame(new JsonObject().put("raw", text));
      return;
    }
    switch (frame.getString("type", "")) {
      case "event" -> topics.event(TopicEvent.fromFrame(frame));
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
    connections++;
    boolean resumed = reconnects.welcomed();
    closeCause = null;
    (resumed ? stats.reconnects : stats.welcomes).increment();
    heartbeatMs = welcome.getLong("heartbeatMs", 25_000L);
    setTimer(silenceLimitMs(), this::checkAlive);
    topics.followUserTopic("user:" + guest.userId(), welcome.getJsonObject("user"));
    listener.welcomed(welcome, resumed);
    if (resumed) {
      for (Topic t : topics.all()) {
        t.resumeFailures = 0;
        resubscribe(t);
      }
    }
    firstWelcome.tryComplete(welcome);
  }

  private void reconnectAsked(JsonObject frame) {
    reconnects.hint(frame.getString("url"), frame.getLong("delayMs", 0L), frame.getLong("jitterMs", 0L));
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
    topics.disconnected();
    if (state == State.CLOSED) {
      return;
    }
    // A refused hello sends an error before its 1008; a late one (a busy gateway) closes without one.
    boolean lateHello = state == State.CONNECTING && closeCause == null;
    long delay = reconnects.nextDelayMs(code, lateHello);
    boolean retry = delay != ReconnectPolicy.GIVE_UP;
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
    setTimer(delay, this::dial);
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
