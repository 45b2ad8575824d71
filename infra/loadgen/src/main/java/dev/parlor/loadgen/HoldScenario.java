package dev.parlor.loadgen;

import dev.parlor.client.ParlorClient;
import dev.parlor.client.Session;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hold}: N authenticated sessions that stay idle for the duration, answering the server's heartbeats (pings or
 * SockJS heartbeats); at the end each sends one {@code ping} op. Measures connect time, sessions lost while idle, the
 * final ping's round trip, and this process's own heap per session (the gateway's is measured on the gateway).
 *
 * <p>Options: {@code --sessions 1000 --duration 30 --in-flight 200 --ready-file path} (the file is written once every
 * session is connected; {@code {label}} in its name becomes the process's {@code --label}, so that the processes of
 * one {@code run-many} each write their own).
 */
final class HoldScenario implements Scenario {

  @Override
  public JsonObject run(Vertx vertx, ParlorClient client, LoadOptions options, Metrics metrics) throws Exception {
    int count = options.integer("sessions", 1000);
    options.requireConnections(count);
    long heapBefore = usedHeapAfterGc();
    long started = System.nanoTime();
    List<Session> sessions = Population.connect(client, count, "h", options.integer("in-flight", 200), i -> null,
      metrics);
    double connectSeconds = (System.nanoTime() - started) / 1e9;
    long heapWith = usedHeapAfterGc();
    long disconnectsBefore = client.stats().disconnects();
    String readyFile = options.string("ready-file", null);
    if (readyFile != null) {
      // Tells a benchmark script that every session is held: the time to measure the gateway's heap.
      java.nio.file.Files.writeString(java.nio.file.Path.of(readyFile.replace("{label}", options.string("label", "p0"))),
        sessions.size() + "\n");
    }
    metrics.startMeasuring();
    long measureStart = System.nanoTime();
    Thread.sleep(options.integer("duration", 30) * 1000L);
    List<Future<?>> pings = new ArrayList<>();
    for (Session session : sessions) {
      long sent = System.nanoTime();
      pings.add(Scenario.settled(session.request("ping", null).onSuccess(r -> metrics.since("ping", sent)), metrics));
    }
    Scenario.await(Future.all(pings), 120);
    metrics.stopMeasuring();
    double seconds = (System.nanoTime() - measureStart) / 1e9;
    long open = sessions.stream().filter(Session::isOpen).count();
    Population.closeAll(sessions);
    return new JsonObject()
      .put("sessionsCount", (long) sessions.size())
      .put("openAtEndCount", open)
      .put("connectPerSecond", Math.round(sessions.size() / connectSeconds))
      .put("disconnectsWhileIdle", client.stats().disconnects() - disconnectsBefore)
      .put("clientHeapPerSessionBytes", sessions.isEmpty() ? 0 : (heapWith - heapBefore) / sessions.size())
      .put("measuredSeconds", seconds);
  }

  static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
