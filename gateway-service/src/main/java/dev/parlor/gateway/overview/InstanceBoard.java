package dev.parlor.gateway.overview;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this gateway has heard of every instance, from their beacons ({@code parlor.ops.beacon}): the latest beacon
 * per (service, node). An instance is UP while its latest beacon says UP and is at most {@link #MISSED_BEACONS}
 * intervals old; DOWN when it said so (a graceful stop sends a last DOWN beacon, which no later periodic one of that
 * node undoes: the two are sent from different threads and can cross) or fell silent; forgotten
 * {@code forgetAfterMs} after its last beacon. Figures that are cluster-wide truths (games in progress, the
 * quick-match queue) come from the freshest beacon that carries them. Thread-safe: fed on one event loop, read on
 * the HTTP ones.
 */
public final class InstanceBoard {

  /** An instance silent for this many of its own intervals is DOWN. */
  public static final int MISSED_BEACONS = 3;

  private final List<String> expectedServices;
  private final long forgetAfterMs;
  private final Map<String, Sighting> sightings = new LinkedHashMap<>();

  public InstanceBoard(List<String> expectedServices, long forgetAfterMs) {
    this.expectedServices = List.copyOf(expectedServices);
    this.forgetAfterMs = forgetAfterMs;
  }

  private record Sighting(String service, String nodeId, JsonObject entry, JsonObject ports, long intervalMs,
                          boolean last, long atMs) {

    boolean silent(long nowMs) {
      return nowMs - atMs > MISSED_BEACONS * intervalMs;
    }

    boolean up(long nowMs) {
      return !last && !silent(nowMs) && "UP".equals(entry.getString("status"));
    }

    JsonObject stats() {
      return entry.getValue("stats") instanceof JsonObject stats ? stats : new JsonObject();
    }
  }

  /** Records a beacon; a malformed one is ignored. */
  public synchronized void record(Object body, long nowMs) {
    if (!(body instanceof JsonObject beacon) || !(beacon.getValue("nodeId") instanceof String nodeId)
      || !(beacon.getValue("services") instanceof JsonArray services)
      || !(beacon.getValue("intervalMs") instanceof Number interval) || interval.longValue() <= 0) {
      return;
    }
    JsonObject ports = beacon.getValue("ports") instanceof JsonObject p ? p : new JsonObject();
    boolean last = Boolean.TRUE.equals(beacon.getValue("final"));
    for (Object item : services) {
      if (item instanceof JsonObject entry && entry.getValue("name") instanceof String name) {
        String key = name + "/" + nodeId;
        Sighting known = sightings.get(key);
        if (known != null && known.last() && !last) {
          continue; // a periodic beacon that crossed the last one: a node id never comes back
        }
        sightings.put(key, new Sighting(name, nodeId, entry, ports, interval.longValue(), last, nowMs));
      }
    }
  }

  /** {@code {services:[{name, instances:[{id, status, detail}]}], sessions, gamesInProgress, queueDepth}}. */
  public synchronized JsonObject snapshot(long nowMs) {
    sightings.values().removeIf(s -> nowMs - s.atMs() > forgetAfterMs);
    Map<String, JsonArray> byService = new LinkedHashMap<>();
    expectedServices.forEach(name -> byService.put(name, new JsonArray()));
    List<Sighting> ordered = new ArrayList<>(sightings.values());
    ordered.sort(Comparator.comparing(Sighting::service).thenComparing(Sighting::nodeId));
    Long sessions = null;
    for (Sighting s : ordered) {
      byService.computeIfAbsent(s.service(), name -> new JsonArray()).add(new JsonObject()
        .put("id", s.nodeId()).put("status", s.up(nowMs) ? "UP" : "DOWN").put("detail", detail(s, nowMs)));
      if (s.service().equals("gateway") && !s.silent(nowMs) && s.stats().getValue("sessions") instanceof Number n) {
        sessions = (sessions == null ? 0 : sessions) + n.longValue();
      }
    }
    JsonArray services = new JsonArray();
    byService.forEach((name, instances) -> services.add(new JsonObject().put("name", name)
      .put("instances", instances)));
    return new JsonObject().put("services", services).put("sessions", sessions)
      .put("gamesInProgress", freshest("game", "gamesInProgress", nowMs))
      .put("queueDepth", freshest("game", "queueDepth", nowMs));
  }

  private Object freshest(String service, String stat, long nowMs) {
    return sightings.values().stream()
      .filter(s -> s.service().equals(service) && !s.silent(nowMs) && s.stats().getValue(stat) instanceof Number)
      .max(Comparator.comparingLong(Sighting::atMs))
      .map(s -> s.stats().getValue(stat)).orElse(null);
  }

  private static JsonObject detail(Sighting s, long nowMs) {
    JsonObject detail = s.stats().copy();
    if (s.ports().getValue(s.service() + ".management") instanceof Number port) {
      detail.put("managementPort", port);
    }
    if (s.entry().getValue("failing") instanceof JsonArray failing && !failing.isEmpty()) {
      detail.put("failing", failing);
    }
    if (s.last()) {
      detail.put("stopped", true);
    }
    if (s.silent(nowMs)) {
      detail.put("silentForMs", nowMs - s.atMs());
    }
    return detail;
  }
}
