package dev.parlor.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.presence.PresenceService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.WsClient;
import dev.parlor.thumbnail.ThumbnailService;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric family docs/operations.md promises is scraped from the management port of a real node, each service
 * on a clustered node of its own (presence and the worker share one), after real clients played, joined a presence
 * room and followed a topic.
 */
class MetricsFamiliesTest {

  private static final TestCluster cluster = new TestCluster();
  private static final JsonObject FAST_BEACONS = new JsonObject().put("ops.beacon-ms", 200);
  private static final List<String> JVM = List.of("jvm_memory_used_bytes", "jvm_memory_max_bytes",
    "jvm_gc_memory_allocated_bytes_total", "jvm_gc_live_data_size_bytes", "jvm_threads_live_threads");
  /** Every node publishes beacons; which other event-bus counters appear depends on the traffic a node has. */
  private static final List<String> EVENT_BUS = List.of("vertx_eventbus_published_total", "vertx_eventbus_handlers");
  private static final List<String> EVENT_BUS_REQUESTS = List.of("vertx_eventbus_received_total",
    "vertx_eventbus_delivered_total", "vertx_eventbus_processed_total");
  private static final List<String> REDIS = List.of("parlor_redis_commands_seconds_count",
    "parlor_redis_errors_total", "vertx_redis_processing_time_seconds_count");
  private static final Map<String, List<String>> OWN = Map.of(
    "gateway", List.of("parlor_gateway_sessions", "parlor_gateway_ops_seconds_count",
      "parlor_gateway_ops_seconds_max", "parlor_gateway_fanout_deliveries_total", "parlor_gateway_fanout_drops_total",
      "parlor_gateway_canary_delivery_seconds_count", "vertx_http_server_requests_total", "vertx_eventbus_sent_total"),
    "game", List.of("parlor_game_in_progress", "parlor_game_match_queue", "parlor_game_changes_total"),
    "presence", List.of("parlor_presence_members", "parlor_presence_diffs_total"),
    "thumbnail", List.of("parlor_jobs_depth", "parlor_jobs_lag", "parlor_jobs_pending", "parlor_jobs_retries",
      "parlor_jobs_dead_letters", "parlor_jobs_oldest_queued_age_seconds"));

  private static final Map<String, ParlorRuntime> nodes = new java.util.HashMap<>();
  private static WebClient http;
  private static final List<WsClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    nodes.put("gateway", cluster.start(FAST_BEACONS, new GatewayService()));
    nodes.put("game", cluster.start(FAST_BEACONS, new GameService()));
    // Presence and the worker share a node (and so a registry) to keep the class quick; each has its own port.
    ParlorRuntime shared = cluster.start(FAST_BEACONS, new PresenceService(), new ThumbnailService());
    nodes.put("presence", shared);
    nodes.put("thumbnail", shared);
    http = WebClient.create(nodes.get("gateway").vertx());
  }

  @AfterAll
  static void stop() {
    clients.forEach(WsClient::close);
    http.close();
    cluster.close();
  }

  private static WsClient signedIn(String name) throws Exception {
    ParlorRuntime gateway = nodes.get("gateway");
    JsonObject session = Guests.create(gateway.vertx(), gateway.port("gateway.http"), name);
    WsClient ws = WsClient.connect(gateway.vertx(), gateway.port("gateway.http"));
    clients.add(ws);
    assertEquals("welcome", ws.hello(session.getString("token")).getString("type"));
    return ws;
  }

  private static String scrape(String service) throws Exception {
    ParlorRuntime node = nodes.get(service);
    var response = ParlorRuntime.await(http.get(node.port(service + ".management"), "127.0.0.1", "/metrics").send());
    assertEquals(200, response.statusCode());
    return response.bodyAsString();
  }

  /** Sample names (the part before labels or value) of a Prometheus text page. */
  private static Set<String> samples(String page) {
    Set<String> names = new TreeSet<>();
    for (String line : page.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  private static String awaitSample(String service, String prefix) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      String page = scrape(service);
      for (String line : page.split("\n")) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no sample " + prefix + " on " + service + ":\n" + page);
      }
      Thread.sleep(100);
    }
  }

  private static void awaitAtLeast(String service, String prefix, double value) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    String line = awaitSample(service, prefix);
    while (!(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= value)) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("expected at least " + value + ": " + line);
      }
      Thread.sleep(100);
      line = awaitSample(service, prefix);
    }
  }

  @Test
  void everyPromisedFamilyIsScrapedFromTheServiceThatOwnsIt() throws Exception {
    WsClient ada = signedIn("Ada");
    WsClient bo = signedIn("Bo");
    JsonObject game = ada.request("game.create", new JsonObject().put("kind", "tictactoe")
      .put("visibility", "private")).getJsonObject("result").getJsonObject("game");
    bo.request("game.join", new JsonObject().put("inviteCode", game.getString("inviteCode")));
    String topic = "game:" + game.getString("gameId");
    assertEquals("reply", bo.request("subscribe", new JsonObject().put("topic", topic)).getString("type"));
    assertEquals("reply", ada.request("game.move", new JsonObject().put("gameId", game.getString("gameId"))
      .put("move", new JsonObject().put("cell", 4))).getString("type"));
    bo.awaitEvent(topic, "game.updated", f -> f.getJsonObject("data").getJsonObject("action").getString("type")
      .equals("move"), WsClient.TIMEOUT);
    assertEquals("reply", ada.request("presence.set", new JsonObject().put("room", "lobby")).getString("type"));

    // Figures that arrive with beacons and ticks: a move, a member of the lobby, a game in progress, a diff.
    awaitSample("game", "parlor_game_changes_total{action=\"move\"");
    // At least: Redis is shared with the other test classes of this JVM, which leave their own games and members.
    awaitAtLeast("presence", "parlor_presence_members{room=\"lobby\"", 1);
    awaitAtLeast("game", "parlor_game_in_progress", 1);
    awaitSample("presence", "parlor_presence_diffs_total");
    awaitSample("gateway", "parlor_gateway_ops_seconds_count{op=\"game.move\",outcome=\"ok\"");
    awaitSample("gateway", "parlor_gateway_fanout_deliveries_total{topic=\"game\"");

    List<String> missing = new ArrayList<>();
    for (var entry : OWN.entrySet()) {
      Set<String> found = samples(scrape(entry.getKey()));
      List<String> wanted = new ArrayList<>(entry.getValue());
      wanted.addAll(JVM);
      wanted.addAll(EVENT_BUS);
      if (!entry.getKey().equals("thumbnail")) {
        wanted.addAll(EVENT_BUS_REQUESTS);
      }
      wanted.addAll(REDIS);
      wanted.stream().filter(name -> !found.contains(name)).forEach(name -> missing.add(entry.getKey() + ": " + name));
    }
    assertTrue(missing.isEmpty(), "families not scraped: " + missing);
  }
}
