package dev.parlor.runtime;

import dev.parlor.contracts.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Makes this process known to the operators' overview: every {@code ops.beacon-ms} it publishes, on
 * {@link Addresses.Ops#BEACON}, each service's readiness, its failing checks and the few figures the service
 * contributes ({@link ServiceContext#beaconStats}); and, when it stops gracefully, one last beacon saying DOWN, so
 * the overview need not wait for silence. A beacon is never held back long by a slow check: what is not known within
 * half an interval (at least 250 ms) is sent as DOWN (a readiness that slow is not ready).
 */
final class Beacon {

  private final Vertx vertx;
  private final String nodeId;
  private final List<ServiceContext> services;
  private final Map<String, Integer> ports;
  private final long intervalMs;
  private long timer = -1;
  private boolean building;
  private volatile boolean stopped;

  Beacon(Vertx vertx, String nodeId, List<ServiceContext> services, Map<String, Integer> ports, long intervalMs) {
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.services = services;
    this.ports = ports;
    this.intervalMs = intervalMs;
  }

  void start() {
    if (intervalMs > 0) {
      timer = vertx.setPeriodic(0, intervalMs, id -> send());
    }
  }

  /** The last beacon: every service DOWN. Sent before the services stop, so no request is routed on its word. */
  void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    JsonArray down = new JsonArray();
    services.forEach(service -> down.add(new JsonObject().put("name", service.name()).put("status", "DOWN")
      .put("failing", new JsonArray().add("stopping")).put("stats", new JsonObject())));
    vertx.eventBus().publish(Addresses.Ops.BEACON, envelope(down).put("final", true));
  }

  private void send() {
    if (building || stopped) {
      return;
    }
    building = true;
    List<Future<JsonObject>> entries = new ArrayList<>();
    services.forEach(service -> entries.add(entry(service)));
    Future.join(entries).onComplete(done -> {
      building = false;
      if (stopped) {
        return;
      }
      JsonArray list = new JsonArray();
      entries.forEach(entry -> list.add(entry.result()));
      vertx.eventBus().publish(Addresses.Ops.BEACON, envelope(list).put("final", false));
    });
  }

  private Future<JsonObject> entry(ServiceContext service) {
    long boundMs = Math.max(250, intervalMs / 2);
    Future<CheckResult> readiness = service.readiness().checkStatus().timeout(boundMs, TimeUnit.MILLISECONDS);
    Future<JsonObject> stats = service.beaconStats().get().timeout(boundMs, TimeUnit.MILLISECONDS);
    return Future.join(readiness, stats).transform(done -> {
      JsonObject entry = new JsonObject().put("name", service.name());
      JsonArray failing = new JsonArray();
      boolean up = readiness.succeeded() && CheckResult.isUp(readiness.result());
      if (readiness.succeeded()) {
        java.util.Optional.ofNullable(readiness.result().getChecks()).orElse(List.of()).stream().filter(check -> !CheckResult.isUp(check))
          .forEach(check -> failing.add(check.getId()));
      } else {
        failing.add("readiness unanswered");
      }
      entry.put("status", up ? "UP" : "DOWN").put("failing", failing)
        .put("stats", stats.succeeded() && stats.result() != null ? stats.result() : new JsonObject());
      return Future.succeededFuture(entry);
    });
  }

  private JsonObject envelope(JsonArray serviceEntries) {
    return new JsonObject().put("nodeId", nodeId).put("intervalMs", intervalMs).put("services", serviceEntries)
      .put("ports", new JsonObject(new TreeMap<String, Object>(ports)));
  }
}
