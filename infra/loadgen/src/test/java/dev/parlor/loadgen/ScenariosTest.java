package dev.parlor.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.presence.PresenceService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.thumbnail.ThumbnailService;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every scenario, small and short, against a real cluster: it runs, measures, and sees no error, gap or repeat. */
class ScenariosTest {

  private static final TestCluster cluster = new TestCluster();
  private static String url;

  @BeforeAll
  static void startNodes() throws Exception {
    ParlorRuntime gateway = cluster.start(new GatewayService());
    cluster.start(new GameService());
    cluster.start(new PresenceService());
    cluster.start(new ThumbnailService());
    url = "http://127.0.0.1:" + gateway.port("gateway.http");
  }

  @AfterAll
  static void stopNodes() {
    cluster.close();
  }

  private static JsonObject run(String... args) throws Exception {
    String[] all = new String[args.length + 8];
    System.arraycopy(new String[] {"--url", url, "--sources", "127.0.0.2-127.0.0.3", "--threads", "1",
      "--warmup", "0"}, 0, all, 0, 8);
    System.arraycopy(args, 0, all, 8, args.length);
    JsonObject report = LoadGenMain.run(LoadOptions.parse(all));
    assertEquals(new JsonObject(), report.getJsonObject("errors"), Report.text(report));
    assertEquals(0L, report.getJsonObject("figures").getLong("clientGaps"), Report.text(report));
    assertEquals(0L, report.getJsonObject("figures").getLong("clientDuplicates"), Report.text(report));
    return report;
  }

  private static long count(JsonObject report, String latency) {
    JsonObject l = report.getJsonObject("latencies").getJsonObject(latency);
    return l == null ? 0 : l.getLong("count");
  }

  @Test
  void gamesScenarioMeasuresMoveRoundTripsAndSpectatorDeliveries() throws Exception {
    JsonObject report = run("--scenario", "games", "--games", "4", "--spectators", "2", "--rate", "100",
      "--duration", "1");
    assertTrue(count(report, "move") > 40, Report.text(report));
    assertTrue(count(report, "spectator") > 80, Report.text(report));
  }

  @Test
  void holdScenarioKeepsEverySessionOpen() throws Exception {
    JsonObject report = run("--scenario", "hold", "--sessions", "50", "--duration", "1");
    assertEquals(50L, report.getJsonObject("figures").getLong("openAtEndCount"));
    assertEquals(50L, count(report, "ping"));
  }

  @Test
  void stormScenarioResumesEverySessionWithRecoveredTrue() throws Exception {
    JsonObject report = run("--scenario", "storm", "--sessions", "100", "--duration", "20");
    JsonObject figures = report.getJsonObject("figures");
    assertEquals(true, figures.getBoolean("allResumed"), Report.text(report));
    assertEquals(0L, figures.getLong("recoveredFalseCount"));
    assertEquals(100L, count(report, "resume"));
  }

  @Test
  void warmUpStormsRunWholeButOnlyTheLastStormIsMeasured() throws Exception {
    JsonObject report = run("--scenario", "storm", "--sessions", "100", "--duration", "20", "--warmup-storms", "2",
      "--settle-seconds", "0");
    JsonObject figures = report.getJsonObject("figures");
    assertEquals(true, figures.getBoolean("allResumed"), Report.text(report));
    assertEquals(0L, figures.getLong("recoveredFalseCount"));
    assertEquals(0L, figures.getLong("gaps"));
    assertEquals(100L, count(report, "resume"), "one resume per session: the warm-ups are not measured");
    // Three storms, three moves in the game, each by the player whose turn it was: none refused.
    assertTrue(report.getJsonObject("errors").isEmpty(), Report.text(report));
  }

  @Test
  void presenceScenarioMeasuresDeliveriesToViewers() throws Exception {
    JsonObject report = run("--scenario", "presence", "--members", "20", "--viewers", "5", "--rate", "50",
      "--duration", "1");
    assertTrue(count(report, "delivery") > 20, Report.text(report));
  }

  @Test
  void quickMatchScenarioMeasuresTimeToMatch() throws Exception {
    JsonObject report = run("--scenario", "quickmatch", "--sessions", "40", "--rate", "30", "--duration", "1");
    assertTrue(count(report, "match") > 10, Report.text(report));
  }

  @Test
  void uploadsScenarioMeasuresTimeToThumbnail() throws Exception {
    JsonObject report = run("--scenario", "uploads", "--users", "2", "--rate", "2", "--size", "256",
      "--duration", "2");
    assertTrue(count(report, "thumbnail") >= 2, Report.text(report));
    assertEquals(0L, report.getJsonObject("figures").getLong("unfinishedCount"));
  }
}
