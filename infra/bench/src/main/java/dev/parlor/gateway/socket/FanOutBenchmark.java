package dev.parlor.gateway.socket;

import dev.parlor.contracts.Caller;
import dev.parlor.gateway.ops.OpTable;
import dev.parlor.gateway.session.Tokens;
import dev.parlor.gateway.topics.Snapshots;
import dev.parlor.gateway.topics.TopicEvent;
import dev.parlor.gateway.topics.TopicHub;
import dev.parlor.gateway.topics.TopicName;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Topic fan-out on one gateway event loop: one presence diff encoded once and handed to N sessions following the
 * room. Each listener is a real {@link Subscription} of a real {@link ClientSession} with its {@link Outbound},
 * registered with a real {@link TopicHub}; only the socket is replaced, by a transport that counts what it is given
 * (so Netty's write and flush, measured in docs/benchmarks.md's Gateway section, are not in these figures).
 *
 * <p>It lives in the gateway's socket package because {@link Subscription} is package-private there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanOutBenchmark {

  /** Sessions following the room on this event loop. */
  @Param({"1", "100", "1000", "10000"})
  int listeners;

  private final TopicName topic = TopicName.parse("presence:map:bench");
  private Vertx vertx;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final List<CountingTransport> transports = new ArrayList<>();
  private JsonObject diff;

  @Setup
  public void setUp() throws Exception {
    diff = new JsonObject().put("event", "presence.diff").put("data", new JsonObject()
      .put("joined", new JsonArray())
      .put("updated", new JsonArray().add(new JsonObject().put("userId", "u-100042").put("name", "Player 42")
        .put("status", "t1764633600123456")
        .put("location", new JsonObject().put("lat", 48.8566).put("lon", 2.3522).put("heading", 90))))
      .put("left", new JsonArray()));
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Context loop = vertx.getOrCreateContext();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    // As in the gateway, the hub and the sessions are made and used on their event loop.
    loop.runOnContext(v -> {
      TopicHub hub = new TopicHub(vertx.eventBus());
      SessionDeps deps = new SessionDeps(vertx, new Tokens(vertx, "bench-secret-bench-secret-bench-secret", 3_600),
        OpTable.standard(5_000), hub, new Snapshots(vertx.eventBus(), null, 5_000), new NoLifecycle(), limits(),
        "gw-bench", new SessionSweep(vertx, TimeUnit.HOURS.toMillis(1)));
      List<Future<Void>> added = new ArrayList<>();
      for (int i = 0; i < listeners; i++) {
        CountingTransport transport = new CountingTransport();
        ClientSession session = new ClientSession(deps, transport);
        Subscription subscription = new Subscription(session, new SessionTopics(session, deps), topic);
        transports.add(transport);
        subscriptions.add(subscription);
        added.add(hub.add(topic, subscription));
      }
      Future.all(added).onComplete(ar -> {
        if (ar.succeeded()) {
          ready.complete(null);
        } else {
          ready.completeExceptionally(ar.cause());
        }
      });
    });
    ready.get(60, TimeUnit.SECONDS);
  }

  private static SessionLimits limits() {
    // The gateway's defaults, but no hello deadline: these sessions never say hello.
    return new SessionLimits(25_000, Long.MAX_VALUE / 4, 50, 100, 10_000, 20, 200, 1 << 20, 64, 5_000);
  }

  @TearDown
  public void tearDown() throws Exception {
    long delivered = transports.stream().mapToLong(t -> t.writes).sum();
    if (delivered == 0) {
      throw new IllegalStateException("no frame reached a transport: the benchmark measured nothing");
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /**
   * What the hub does for one event, called directly: encode once ({@link TopicEvent#of}), then each listener's
   * {@link Subscription#onLive} → {@link ClientSession#deliver} → {@link Outbound#send} → transport. No event bus,
   * no thread hand-off; the calling thread is the only one touching these sessions in this benchmark.
   */
  @Benchmark
  public int encodeOnceHandToAll() {
    TopicEvent event = TopicEvent.of(topic, diff);
    for (Subscription subscription : subscriptions) {
      subscription.onLive(event);
    }
    return event.frame().length();
  }

  /**
   * The same through the event bus, as a presence diff reaches a gateway: published on the room's address, received
   * by the hub's consumer on its event loop, fanned out; timed until the last session's transport has the frame.
   * Adds the local event bus (a copy of the message) and two thread hand-offs to {@link #encodeOnceHandToAll}.
   */
  @Benchmark
  public void publishThroughTopicHub() throws Exception {
    CompletableFuture<Void> last = new CompletableFuture<>();
    transports.get(transports.size() - 1).signal = last;
    vertx.eventBus().publish(topic.address(), diff);
    last.get(10, TimeUnit.SECONDS);
  }

  /** A socket that accepts every frame at once and remembers how many it was given. */
  static final class CountingTransport implements Transport {
    long writes;
    volatile CompletableFuture<Void> signal;

    @Override
    public boolean writeQueueFull() {
      return false;
    }

    @Override
    public void write(String text) {
      writes++;
      CompletableFuture<Void> waiting = signal;
      if (waiting != null) {
        signal = null;
        waiting.complete(null);
      }
    }

    @Override
    public void onDrain(Runnable drain) {
    }

    @Override
    public void close(short code, String reason) {
    }

    @Override
    public boolean pings() {
      return false;
    }

    @Override
    public void ping() {
    }

    @Override
    public String remoteIp() {
      return "127.0.0.1";
    }
  }

  private static final class NoLifecycle implements SessionLifecycle {
    @Override
    public void opened(Caller caller) {
    }

    @Override
    public void closed(Caller caller, boolean touchedPresence) {
    }
  }
}
