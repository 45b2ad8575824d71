package dev.parlor.loadgen;

import dev.parlor.client.ClientOptions;
import dev.parlor.client.ParlorClient;
import dev.parlor.client.Transport;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code java -jar parlor-loadgen.jar --scenario games --url http://127.0.0.1:8081,http://127.0.0.1:8082
 * --sources 127.0.0.2-127.0.0.9 [--transport ws|sockjs] [--threads 2] [--native-transport true|false] [--json out.json]
 * [scenario options]}, or
 * {@code java -jar parlor-loadgen.jar merge out.json in1.json in2.json …}. Prints the report; exits 0 when the run
 * finished (errors are figures, not failures), 2 for bad options.
 */
public final class LoadGenMain {

  static final Map<String, Supplier<Scenario>> SCENARIOS = Map.of(
    "hold", HoldScenario::new,
    "games", GamesScenario::new,
    "presence", PresenceScenario::new,
    "storm", StormScenario::new,
    "uploads", UploadsScenario::new,
    "quickmatch", QuickMatchScenario::new,
    "drill", DrillScenario::new,
    "peer", PeerPresenceScenario::new);

  private LoadGenMain() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && "merge".equals(args[0])) {
      merge(args);
      return;
    }
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
      if (!SCENARIOS.containsKey(options.scenario())) {
        throw new IllegalArgumentException("scenario: one of " + SCENARIOS.keySet());
      }
    } catch (IllegalArgumentException e) {
      System.err.println("loadgen: " + e.getMessage());
      System.exit(2);
      return;
    }
    JsonObject report = run(options);
    System.out.print(Report.text(report));
    String json = options.string("json", null);
    if (json != null) {
      Files.writeString(Path.of(json), report.encodePrettily());
    }
    System.exit(0);
  }

  /** Runs one scenario in a Vert.x of its own and returns its report. */
  public static JsonObject run(LoadOptions options) throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.integer("threads",
      Runtime.getRuntime().availableProcessors()))
      .setPreferNativeTransport(options.flag("native-transport", true)));
    try {
      ClientOptions clientOptions = ClientOptions.of(options.gateways().get(0))
        .withGateways(options.gateways())
        .withLocalAddresses(options.sources())
        .withTransport(Transport.parse(options.string("transport", "ws")))
        .withRequestTimeoutMs(options.integer("timeout-ms", 10_000));
      ParlorClient client = Scenario.await(ParlorClient.create(vertx, clientOptions,
        options.integer("threads", Runtime.getRuntime().availableProcessors())), 30);
      Metrics metrics = new Metrics();
      metrics.watch(new CpuWatch(options.string("watch-pids", null)));
      String loadBefore = Report.loadAverage();
      JsonObject figures = SCENARIOS.get(options.scenario()).get().run(vertx, client, options, metrics);
      figures.put("clientGaps", client.stats().gaps()).put("clientDuplicates", client.stats().duplicates())
        .put("clientReconnects", client.stats().reconnects()).put("clientTimeouts", client.stats().timeouts())
        .put("clientConnectFailures", client.stats().connectFailures())
        .put("clientHelloTimeouts", client.stats().helloTimeouts())
        .put("cpuCores", metrics.cores());
      JsonObject report = Report.build(options.scenario(), options, metrics, figures.getDouble("measuredSeconds", 0.0),
        figures, loadBefore);
      report.getJsonObject("machine").put("sockets", vertx.isNativeTransportEnabled() ? "epoll" : "nio");
      return report;
    } finally {
      vertx.close();
    }
  }

  private static void merge(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: merge OUT.json IN.json...");
      System.exit(2);
    }
    JsonArray reports = new JsonArray();
    for (int i = 2; i < args.length; i++) {
      reports.add(new JsonObject(Files.readString(Path.of(args[i]))));
    }
    JsonObject merged = Report.merge(reports);
    Files.writeString(Path.of(args[1]), merged.encodePrettily());
    System.out.print(Report.text(merged));
  }
}
