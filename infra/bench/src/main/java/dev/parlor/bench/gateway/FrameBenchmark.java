package dev.parlor.bench.gateway;

import dev.parlor.contracts.protocol.Ops;
import dev.parlor.gateway.ops.InvalidArgs;
import dev.parlor.gateway.ops.OpRoute;
import dev.parlor.gateway.ops.OpTable;
import dev.parlor.gateway.socket.Frame;
import dev.parlor.gateway.topics.TopicEvent;
import dev.parlor.gateway.topics.TopicName;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gateway's client frames: decoding an op as a session does before anything is sent on (the envelope check of
 * {@link Frame#parse}, then the op's argument check from the {@link OpTable}, which builds the request body), and
 * encoding a topic event into the client frame ({@link TopicEvent#of}, once per event whatever the listeners).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameBenchmark {

  static final String PRESENCE_SET = "{\"type\":\"presence.set\",\"id\":\"r-1842\",\"room\":\"map:world\","
    + "\"status\":\"t1764633600123456\",\"location\":{\"lat\":48.8566,\"lon\":2.3522,\"heading\":270}}";
  static final String GAME_MOVE = "{\"type\":\"game.move\",\"id\":\"r-77\",\"gameId\":\"g-7Hk2pQ9xLm3n\","
    + "\"move\":{\"column\":3}}";
  static final String NOT_JSON = "{\"type\":\"presence.set\",\"id\":\"r-1\",\"room\":";

  private final OpTable ops = OpTable.standard(5_000);
  private final OpRoute presenceSet = ops.route(Ops.PRESENCE_SET);
  private final OpRoute gameMove = ops.route(Ops.GAME_MOVE);
  private final TopicName presenceTopic = TopicName.parse("presence:map:world");
  private final TopicName gameTopic = TopicName.parse("game:g-7Hk2pQ9xLm3n");
  private JsonObject gameUpdated;
  /** The same event as the game-service publishes it, offset last: its body on the wire and its text header. */
  private byte[] gameUpdatedBytes;

  /** One presence diff, one tick of a room, with {@link #members} updated members. */
  @State(Scope.Thread)
  public static class Diff {
    @Param({"1", "20"})
    int members;
    JsonObject body;

    @Setup
    public void setUp() {
      JsonArray updated = new JsonArray();
      for (int i = 0; i < members; i++) {
        updated.add(new JsonObject().put("userId", "u-" + (100_000 + i)).put("name", "Player " + i)
          .put("status", "t1764633600123456")
          .put("location", new JsonObject().put("lat", 48.8566 + i).put("lon", 2.3522 - i).put("heading", 90)));
      }
      body = new JsonObject().put("event", "presence.diff").put("data", new JsonObject()
        .put("joined", new JsonArray()).put("updated", updated).put("left", new JsonArray()));
    }
  }

  @Setup
  public void setUp() {
    JsonArray board = new JsonArray();
    for (int i = 0; i < 42; i++) {
      board.add(i < 21 ? (i % 2 == 0 ? "R" : "Y") : null);
    }
    gameUpdated = new JsonObject().put("event", "game.updated").put("offset", 22L).put("data", new JsonObject()
      .put("action", new JsonObject().put("type", "move").put("by", "u-alice").put("move",
        new JsonObject().put("column", 3)))
      .put("game", new JsonObject().put("gameId", "g-7Hk2pQ9xLm3n").put("kind", "connect4")
        .put("visibility", "public").put("status", "playing")
        .put("players", new JsonArray()
          .add(new JsonObject().put("userId", "u-alice").put("name", "Alice").put("mark", "R"))
          .add(new JsonObject().put("userId", "u-bob").put("name", "Bob").put("mark", "Y")))
        .put("turn", "u-bob").put("board", board).put("winner", null).put("draw", false)
        .put("winningLine", null).put("version", 23).put("createdAt", "2026-12-02T00:00:00Z")
        .put("updatedAt", "2026-12-02T00:01:00Z").put("rematch", null)));
    JsonObject offsetLast = gameUpdated.copy();
    offsetLast.put("offset", offsetLast.remove("offset"));
    gameUpdatedBytes = offsetLast.encode().getBytes(StandardCharsets.UTF_8);
  }

  /** A {@code presence.set} frame to its request body: parse, envelope, room, status and location checks. */
  @Benchmark
  public JsonObject decodePresenceSet() throws InvalidArgs {
    return presenceSet.args().body(Frame.parse(PRESENCE_SET).body());
  }

  @Benchmark
  public JsonObject decodeGameMove() throws InvalidArgs {
    return gameMove.args().body(Frame.parse(GAME_MOVE).body());
  }

  /** A malformed frame ({@code bad_frame}): Jackson's failure is an exception, so it costs more than a good one. */
  @Benchmark
  public Frame decodeMalformed() {
    return Frame.parse(NOT_JSON);
  }

  /** One presence diff to the frame every watcher of the room is sent. */
  @Benchmark
  public TopicEvent encodePresenceDiff(Diff diff) {
    return TopicEvent.of(presenceTopic, diff.body);
  }

  /** One {@code game.updated} (the whole connect-four game, mid-game) to its durable frame. */
  @Benchmark
  public TopicEvent encodeGameUpdated() {
    return TopicEvent.of(gameTopic, gameUpdated);
  }

  /**
   * A {@code game.updated} from another process to its frame, read from its body: the event-bus codec decodes the
   * bytes, then {@link TopicEvent#of} encodes the frame (what a gateway did for every game event before the header).
   */
  @Benchmark
  public TopicEvent frameGameUpdatedFromBody() {
    return TopicEvent.of(gameTopic, new JsonObject(Buffer.buffer(gameUpdatedBytes)));
  }

  /** The same event read from its {@code parlor-text} header: the header's string, then the frame around it. */
  @Benchmark
  public TopicEvent frameGameUpdatedFromText() {
    return TopicEvent.fromText(gameTopic, new String(gameUpdatedBytes, StandardCharsets.UTF_8));
  }
}
