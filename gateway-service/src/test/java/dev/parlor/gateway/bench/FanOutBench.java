package dev.parlor.gateway.bench;

import dev.parlor.contracts.Addresses;
import dev.parlor.gateway.GatewayService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Heap per idle session and the cost of one fan-out, measured on a real gateway node. The clients run in a separate
 * JVM ({@link BenchClient}) so that only the server's heap is measured. Not a test: run it by hand (see
 * docs/benchmarks.md).
 */
public final class FanOutBench {

  static final String SECRET = "bench-secret-bench-secret-bench-secret";

  private FanOutBench() {
  }

  public static void main(String[] args) throws Exception {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    try (TestCluster cluster = new TestCluster()) {
      ParlorRuntime node = cluster.start(new JsonObject()
        .put("gateway.token.secret", SECRET)
        .put("gateway.hello-timeout-ms", 120_000)
        .put("gateway.ip.max-connections", 1_000_000)
        .put("gateway.ip.new-sessions-per-minute", 10_000_000)
        .put("gateway.rate.ops-burst", 1_000), new GatewayService());
      node.vertx().eventBus().<JsonObject>consumer(Addresses.Game.LOBBY, m -> m.reply(new JsonObject()
        .put("games", new JsonArray())));
      long baseline = usedHeapAfterGc();
      Process client = new ProcessBuilder(javaBin(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
        BenchClient.class.getName(), String.valueOf(node.port("gateway.http")), String.valueOf(sessions), SECRET)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      String line = await(lines, "connected");
      long connected = usedHeapAfterGc();
      System.out.printf("%s%nheap: baseline %.1f MiB, with %d idle sessions %.1f MiB: %.1f KiB per session%n", line,
        mib(baseline), sessions, mib(connected), (connected - baseline) / 1024.0 / sessions);
      int histo = Integer.getInteger("histo", 0);
      if (histo > 0) {
        printHistogram(histo);
      }

      com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      // One warm-up fan-out, then the measured rounds, one at a time.
      fanOut(node, lines, 0);
      long cpuBefore = os.getProcessCpuTime();
      long total = 0;
      for (int round = 1; round <= rounds; round++) {
        total += fanOut(node, lines, round);
      }
      long cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;
      System.out.printf("fan-out to %d sockets: %.1f ms until the last client had it (mean of %d), "
        + "gateway CPU %.1f ms per fan-out%n", sessions, total / (double) rounds, rounds, cpuMs / (double) rounds);
      client.destroy();
    }
    System.exit(0);
  }

  private static long fanOut(ParlorRuntime node, BufferedReader lines, int round) throws Exception {
    node.vertx().eventBus().publish(Addresses.Topics.LOBBY, new JsonObject().put("event", "bench")
      .put("data", new JsonObject().put("round", round).put("sentAt", System.currentTimeMillis())));
    String done = await(lines, "done " + round + " ");
    return Long.parseLong(done.substring(done.lastIndexOf(' ') + 1));
  }

  private static String await(BufferedReader lines, String prefix) throws Exception {
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
      System.out.println("client: " + line);
    }
    throw new IllegalStateException("client ended before " + prefix);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(300);
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** The top {@code lines} classes of the live heap (what {@code jcmd <pid> GC.class_histogram} prints). */
  private static void printHistogram(int lines) throws Exception {
    Object text = ManagementFactory.getPlatformMBeanServer().invoke(
      new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
      new Object[] {new String[0]}, new String[] {String[].class.getName()});
    text.toString().lines().limit(lines + 3L).forEach(System.out::println);
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }

  private static String javaBin() {
    return System.getProperty("java.home") + "/bin/java";
  }
}
