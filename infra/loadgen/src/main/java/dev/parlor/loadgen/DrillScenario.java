package dev.parlor.loadgen;

import dev.parlor.client.ClientError;
import dev.parlor.client.ParlorClient;
import dev.parlor.client.Session;
import dev.parlor.client.SessionListener;
import dev.parlor.client.TopicEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * {@code drill}: the load a fault drill runs under, and the checks that it lost nothing. G connect-four games, each
 * with two players and S spectators, play the 42-move draw again and again (rematch); every player keeps a presence
 * member in one of R rooms and moves it every 10 s; avatars are uploaded at a rate. Meanwhile an operator (the drill script)
 * rolls, kills or restarts parts of the cluster. At the end every game in progress is played to its end, and:
 * <ul>
 *   <li>every finished game must be the draw with all 42 stones, and no more moves acknowledged than stones on the
 *   board: an acknowledged move that was lost and then played again, or a move applied twice, breaks the draw or the
 *   count;</li>
 *   <li>durable topics must have no gap or duplicate, and every resume after a reconnect must say
 *   {@code recovered: true};</li>
 *   <li>every upload must come back as {@code thumbnail.ready};</li>
 *   <li>once every session closed, the presence rooms must empty within the bound.</li>
 * </ul>
 * A move is retried after a failure (its turn is re-read from the game's events, so a move that was applied but not
 * acknowledged is not sent again). The worst blip is the longest time from a move's first attempt to its
 * acknowledgement.
 *
 * <p>Options: {@code --games 200 --spectators 1 --rooms 10 --rate 100 --upload-rate 0.5 --duration 60
 * --settle 120 --presence-bound 40}.
 */
final class DrillScenario implements Scenario {

  private static final int[] DRAW = GamesScenario.DRAW;
  private static final long RETRY_MS = 300;
  private static final long READY_FIRST = Long.MIN_VALUE;
  private static final int IMAGES = 97;

  private final Queue<Table> ready = new ConcurrentLinkedQueue<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final AtomicLong finishedGames = new AtomicLong();
  private final AtomicLong badGames = new AtomicLong();
  private final AtomicLong acknowledgedMoves = new AtomicLong();
  private final AtomicLong moveFailures = new AtomicLong();
  private final AtomicLong worstBlipNanos = new AtomicLong();
  private final AtomicLong resumedRecovered = new AtomicLong();
  private final AtomicLong resumedUnrecovered = new AtomicLong();
  private final AtomicLong subscribesUnrecovered = new AtomicLong();
  /** Upload start (nanos) per job id not yet ready; {@link #READY_FIRST} when the event beat the HTTP answer. */
  private final Map<String, Long> jobsWaiting = new ConcurrentHashMap<>();
  private final AtomicLong jobsReady = new AtomicLong();
  private final AtomicLong jobsFailed = new AtomicLong();
  private volatile boolean winding;
  private Vertx vertx;
  private Metrics metrics;

  /** One pair of players and their spectators, playing one game after another. Guarded by its own monitor. */
  private final class Table {
    final int index;
    final Session creator;
    final Session joiner;
    final List<Session> spectators;
    String gameId;
    JsonObject state;
    long stateOffset;
    long ackedOffset;
    int acked;
    boolean moving;
    boolean queued;
    boolean rematching;
    boolean done;
    long firstAttempt;
    JsonObject lastAction;
    /** What this table did and heard in its current game, for the report of a game that went wrong. */
    final java.util.ArrayDeque<String> trace = new java.util.ArrayDeque<>();

    void trace(String line) {
      if (trace.size() == 60) {
        trace.removeFirst();
      }
      trace.addLast((System.nanoTime() / 1_000_000 % 1_000_000) + " " + line);
    }

    Table(int index, Session creator, Session joiner, List<Session> spectators) {
      this.index = index;
      this.creator = creator;
      this.joiner = joiner;
      this.spectators = spectators;
    }

    List<Session> all() {
      List<Session> all = new ArrayList<>(spectators);
      all.add(creator);
      all.add(joiner);
      return all;
    }

    /** Plays {@code game} from now on; the rematch reply and the {@code game.rematched} event may both bring it. */
    Future<Void> start(JsonObject game, long offset) {
      String previous;
      synchronized (this) {
        if (game.getString("gameId").equals(gameId)) {
          return Future.succeededFuture();
        }
        previous = gameId;
        gameId = game.getString("gameId");
        trace.clear();
        lastAction = null;
        trace("start " + game.getString("status") + " at offset " + offset + " turn " + game.getString("turn")
          + " after " + previous);
        state = game;
        stateOffset = offset;
        ackedOffset = offset;
        acked = 0;
        rematching = false;
      }
      List<Future<?>> subscribed = new ArrayList<>();
      for (Session s : all()) {
        if (previous != null) {
          s.unsubscribe("game:" + previous);
        }
        subscribed.add(s.subscribe("game:" + game.getString("gameId"), offset, this::heard)
          .onSuccess(reply -> positioned(reply, offset)));
      }
      return Future.all(subscribed).onComplete(v -> enqueue()).mapEmpty();
    }

    /**
     * A subscribe reply: a subscribe from a known offset must replay what followed it ({@code recovered: true});
     * otherwise the events in between are never delivered, and the snapshot is the state to go on from.
     */
    void positioned(JsonObject reply, long since) {
      if (!reply.getBoolean("recovered", false)) {
        subscribesUnrecovered.incrementAndGet();
        problem("subscribe to game:" + gameId + " from offset " + since + " not recovered: " + reply.encode());
      }
      JsonObject snapshot = reply.getJsonObject("snapshot");
      long at = reply.getLong("offset", 0L);
      synchronized (this) {
        if (snapshot != null && snapshot.getJsonObject("game") != null
            && gameId.equals(snapshot.getJsonObject("game").getString("gameId")) && at > stateOffset) {
          stateOffset = at;
          state = snapshot.getJsonObject("game");
        }
      }
      enqueue();
    }

    /** A game event, heard by each of the table's sessions: the first to hear an offset applies it. */
    void heard(TopicEvent event) {
      JsonObject rematched = null;
      synchronized (this) {
        if (!event.topic().equals("game:" + gameId) || event.offset() <= stateOffset) {
          return;
        }
        trace("heard " + event.offset() + " " + event.event() + " " + event.data().getJsonObject("action"));
        stateOffset = event.offset();
        if ("game.rematched".equals(event.event())) {
          rematched = rematching ? event.data() : null;
        } else if (event.data().getJsonObject("game") != null) {
          state = event.data().getJsonObject("game");
          lastAction = event.data().getJsonObject("action");
        }
      }
      if (rematched != null) {
        JsonObject next = rematched;
        start(next.getJsonObject("game"), next.getLong("offset"));
        return;
      }
      enqueue();
    }

    /** Puts the table in line for the pacer when it may move: nothing in flight and its last move seen. */
    void enqueue() {
      boolean finished;
      synchronized (this) {
        finished = "finished".equals(state.getString("status"));
        if (finished || done || moving || queued || stateOffset < ackedOffset) {
          if (finished) {
            queued = false;
          }
        } else {
          queued = true;
          ready.add(this);
          return;
        }
      }
      if (finished) {
        finish();
      }
    }

    /** Called by the pacer. */
    boolean move() {
      Session mover;
      int column;
      long started = System.nanoTime();
      String id;
      synchronized (this) {
        queued = false;
        if (done || moving || "finished".equals(state.getString("status"))) {
          return false;
        }
        String turn = state.getString("turn");
        mover = creator.guest().userId().equals(turn) ? creator : joiner.guest().userId().equals(turn) ? joiner : null;
        int stones = stones(state);
        if (mover == null || stones >= DRAW.length) {
          return false;
        }
        column = DRAW[stones];
        moving = true;
        trace("send " + (mover == creator ? "creator" : "joiner") + " column " + column + " at " + stones
          + " stones, state offset " + stateOffset);
        if (firstAttempt == 0) {
          firstAttempt = started;
        }
        id = gameId;
      }
      mover.request("game.move", new JsonObject().put("gameId", id).put("move", new JsonObject().put("column", column)))
        .onComplete(ar -> {
          synchronized (this) {
            moving = false;
            trace(ar.succeeded() ? "ack " + ar.result().encode() : "fail " + ar.cause());
            if (ar.succeeded() && id.equals(gameId)) {
              acked++;
              ackedOffset = Math.max(ackedOffset, ar.result().getLong("offset", 0L));
              worstBlipNanos.accumulateAndGet(System.nanoTime() - firstAttempt, Math::max);
              firstAttempt = 0;
            }
          }
          if (ar.succeeded()) {
            acknowledgedMoves.incrementAndGet();
            metrics.since("move", started);
            metrics.count("moves");
            enqueue();
          } else {
            moveFailures.incrementAndGet();
            metrics.error(ar.cause());
            vertx.setTimer(RETRY_MS, t -> enqueue());
          }
        });
      return true;
    }

    private void finish() {
      String id;
      boolean again;
      synchronized (this) {
        if (rematching || done) {
          return;
        }
        int stones = stones(state);
        boolean ok = state.getBoolean("draw", false) && stones == DRAW.length && acked <= stones;
        finishedGames.incrementAndGet();
        if (!ok) {
          badGames.incrementAndGet();
          problem("game " + gameId + ": draw=" + state.getBoolean("draw") + " stones=" + stones + " acked=" + acked
            + " winner=" + state.getString("winner") + " last action=" + lastAction + "\n    " + String.join("\n    ", trace));
        }
        again = !winding;
        done = !again;
        rematching = again;
        id = gameId;
      }
      if (again) {
        rematch(id);
      }
    }

    private void rematch(String id) {
      creator.request("game.rematch", new JsonObject().put("gameId", id))
        .onSuccess(r -> {
          synchronized (this) {
            trace("rematch of " + id + " answered " + r.getJsonObject("game").getString("gameId") + " "
              + r.getJsonObject("game").getString("status"));
          }
          boolean fresh;
          synchronized (this) {
            fresh = id.equals(gameId);
          }
          if (fresh) {
            start(r.getJsonObject("game"), r.getLong("offset"));
          }
        })
        .onFailure(e -> {
          metrics.error(e);
          synchronized (this) {
            trace("rematch of " + id + " failed: " + e.getMessage());
          }
          vertx.setTimer(RETRY_MS, t -> {
            synchronized (this) {
              if (!id.equals(gameId) || !rematching) {
                return;
              }
              if (winding) {
                rematching = false;
                done = true;
                return;
              }
            }
            rematch(id);
          });
        });
    }

    synchronized boolean settled() {
      return done;
    }
  }

  @Override
  public JsonObject run(Vertx vertx, ParlorClient client, LoadOptions options, Metrics metrics) throws Exception {
    this.vertx = vertx;
    this.metrics = metrics;
    int games = options.integer("games", 200);
    int spectators = options.integer("spectators", 1);
    int rooms = options.integer("rooms", 10);
    int perTable = 2 + spectators;
    options.requireConnections((long) games * perTable + 1);
    List<Session> sessions = Population.connect(client, games * perTable, "d", 200, i -> listener(), metrics);
    if (sessions.size() < games * perTable) {
      throw new IllegalStateException("only " + sessions.size() + " sessions connected");
    }
    List<Table> tables = new ArrayList<>();
    for (int g = 0; g < games; g++) {
      int base = g * perTable;
      Table table = new Table(g, sessions.get(base), sessions.get(base + 1),
        sessions.subList(base + 2, base + perTable));
      JsonObject created = Scenario.await(table.creator.request("game.create",
        new JsonObject().put("kind", "connect4").put("visibility", "public")), 30);
      JsonObject joined = Scenario.await(table.joiner.request("game.join",
        new JsonObject().put("gameId", created.getJsonObject("game").getString("gameId"))), 30);
      Scenario.await(table.start(joined.getJsonObject("game"), joined.getLong("offset")), 30);
      tables.add(table);
    }
    List<Session> players = new ArrayList<>();
    tables.forEach(t -> players.addAll(List.of(t.creator, t.joiner)));
    for (int i = 0; i < players.size(); i++) {
      Scenario.settled(players.get(i).request("presence.set", presence(room(i, rooms))), metrics);
    }

    Pacer moves = new Pacer(vertx, options.decimal("rate", 100), () -> {
      Table next = ready.poll();
      return next != null && next.move();
    }, metrics);
    AtomicLong nextMember = new AtomicLong();
    Pacer presence = new Pacer(vertx, Math.max(1, players.size() / 10.0), () -> {
      int i = (int) (nextMember.getAndIncrement() % players.size());
      Scenario.settled(players.get(i).request("presence.set", presence(room(i, rooms))), metrics);
      return true;
    }, metrics);
    AtomicLong nextUpload = new AtomicLong();
    double uploadRate = options.decimal("upload-rate", 0.5);
    // Encoded here, not on the pacer's event loop. A prime count of images, cycled against the players, makes a
    // (user, image) pair repeat only after thousands of uploads: each upload is a job of its own.
    List<Buffer> images = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      images.add(Buffer.buffer(image()));
    }
    Pacer uploads = new Pacer(vertx, uploadRate, () -> {
      long n = nextUpload.getAndIncrement();
      Session user = players.get((int) (n % players.size()));
      long at = System.nanoTime();
      client.uploadAvatar(user.guest(), "image/png", images.get((int) (n % IMAGES)))
        .onSuccess(jobId -> jobsWaiting.compute(jobId, (id, seen) -> {
          if (seen == null) {
            return at;
          }
          if (seen == READY_FIRST) {
            jobsReady.incrementAndGet();
            return null;
          }
          return seen;
        }))
        .onFailure(metrics::error);
      return true;
    }, metrics);

    metrics.startMeasuring();
    long measureStart = System.nanoTime();
    moves.start();
    presence.start();
    if (uploadRate > 0) {
      uploads.start();
    }
    // The drill script waits for this line before it does its damage.
    System.out.println("drill: load running");
    System.out.flush();
    Thread.sleep(options.integer("duration", 60) * 1000L);
    winding = true;
    uploads.stop();
    presence.stop();
    long settleDeadline = System.nanoTime() + options.integer("settle", 120) * 1_000_000_000L;
    while (!tables.stream().allMatch(Table::settled) && System.nanoTime() < settleDeadline) {
      Thread.sleep(100);
      tables.forEach(Table::enqueue);
    }
    moves.stop();
    long unfinished = tables.stream().filter(t -> !t.settled()).count();
    tables.stream().filter(t -> !t.settled()).limit(5)
      .forEach(t -> problem("game " + t.gameId + " did not finish: " + t.state.getString("status") + ", "
        + stones(t.state) + " stones\n    " + String.join("\n    ", t.trace)));
    long jobsDeadline = System.nanoTime() + 60_000_000_000L;
    while (waitingJobs() > 0 && System.nanoTime() < jobsDeadline) {
      Thread.sleep(100);
    }
    metrics.stopMeasuring();
    double seconds = (System.nanoTime() - measureStart) / 1e9;

    Population.closeAll(sessions);
    JsonObject ghosts = awaitEmptyRooms(client, rooms, options.integer("presence-bound", 40));
    long lostJobs = waitingJobs();
    jobsWaiting.forEach((id, at) -> {
      if (at != READY_FIRST) {
        problem("job " + id + " never became ready");
      }
    });
    boolean passed = unfinished == 0 && badGames.get() == 0 && client.stats().gaps() == 0
      && client.stats().duplicates() == 0 && resumedUnrecovered.get() == 0 && subscribesUnrecovered.get() == 0 && lostJobs == 0 && jobsFailed.get() == 0
      && ghosts.getInteger("ghosts") == 0;
    return new JsonObject().put("passed", passed)
      .put("gamesConcurrent", games).put("spectatorsPerGame", spectators).put("presenceRooms", rooms)
      .put("gamesFinished", finishedGames.get()).put("gamesUnfinished", unfinished).put("gamesBad", badGames.get())
      .put("movesAcknowledged", acknowledgedMoves.get()).put("moveFailures", moveFailures.get())
      .put("worstBlipMs", worstBlipNanos.get() / 1_000_000)
      .put("resumesRecovered", resumedRecovered.get()).put("resumesUnrecovered", resumedUnrecovered.get())
      .put("subscribesUnrecovered", subscribesUnrecovered.get())
      .put("gaps", client.stats().gaps()).put("duplicates", client.stats().duplicates())
      .put("jobsReady", jobsReady.get()).put("jobsFailed", jobsFailed.get()).put("jobsLost", lostJobs)
      .put("presence", ghosts)
      .put("problems", new JsonArray(new ArrayList<>(problems)))
      .put("measuredSeconds", seconds);
  }

  private SessionListener listener() {
    return new SessionListener() {
      @Override
      public void resumed(String topic, boolean recovered, JsonObject reply) {
        if (!topic.startsWith("game:") && !topic.startsWith("user:")) {
          return;
        }
        if (recovered) {
          resumedRecovered.incrementAndGet();
        } else {
          resumedUnrecovered.incrementAndGet();
          problem("resume of " + topic + " not recovered");
        }
      }

      @Override
      public void gap(String topic, long from, long to) {
        problem("gap on " + topic + ": offsets " + from + "-" + to + " never came");
      }

      @Override
      public void event(TopicEvent event) {
        String jobId = event.data().getString("jobId");
        if (jobId == null) {
          return;
        }
        if ("thumbnail.ready".equals(event.event())) {
          // The event may come before the upload's HTTP answer.
          jobsWaiting.compute(jobId, (id, at) -> {
            if (at == null) {
              return READY_FIRST;
            }
            if (at != READY_FIRST) {
              jobsReady.incrementAndGet();
              metrics.since("thumbnail", at);
            }
            return null;
          });
        } else if ("thumbnail.failed".equals(event.event())) {
          jobsWaiting.remove(jobId);
          jobsFailed.incrementAndGet();
          problem("job " + event.data().getString("jobId") + " failed: " + event.data().getString("code"));
        }
      }

      @Override
      public void error(ClientError error) {
        metrics.error(error);
      }
    };
  }

  /** After every session closed: polls each room with a fresh session until none has members, up to the bound. */
  private JsonObject awaitEmptyRooms(ParlorClient client, int rooms, int boundSeconds) throws Exception {
    Session observer = client.session(Scenario.await(client.createGuest("observer"), 30), null);
    Scenario.await(observer.connect(3), 30);
    long started = System.nanoTime();
    long deadline = started + boundSeconds * 1_000_000_000L;
    int members;
    do {
      members = 0;
      for (int r = 0; r < rooms; r++) {
        String topic = "presence:drill-" + r;
        JsonObject reply = Scenario.await(observer.subscribe(topic, null, e -> { }), 30);
        members += reply.getJsonObject("snapshot").getJsonArray("members").size();
        Scenario.await(observer.unsubscribe(topic), 30);
      }
      if (members > 0) {
        Thread.sleep(1000);
      }
    } while (members > 0 && System.nanoTime() < deadline);
    observer.close();
    if (members > 0) {
      problem(members + " presence members still listed " + boundSeconds + " s after every session closed");
    }
    return new JsonObject().put("ghosts", members).put("emptyAfterMs", (System.nanoTime() - started) / 1_000_000)
      .put("boundSeconds", boundSeconds);
  }

  private long waitingJobs() {
    return jobsWaiting.values().stream().filter(at -> at != READY_FIRST).count();
  }

  private void problem(String text) {
    if (problems.size() < 50) {
      problems.add(text);
    }
  }

  private static String room(int player, int rooms) {
    return "drill-" + (player % rooms);
  }

  private static JsonObject presence(String room) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new JsonObject().put("room", room).put("status", "drilling").put("location",
      new JsonObject().put("lat", 48 + random.nextDouble()).put("lon", 2 + random.nextDouble()));
  }

  static int stones(JsonObject game) {
    int stones = 0;
    for (Object cell : game.getJsonArray("board", new JsonArray())) {
      if (cell != null) {
        stones++;
      }
    }
    return stones;
  }

  /** A small PNG of random pixels, different each time (identical uploads of one user dedupe to one job). */
  private static byte[] image() {
    try {
      Random random = new Random();
      BufferedImage img = new BufferedImage(96, 72, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          img.setRGB(x, y, random.nextInt());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
