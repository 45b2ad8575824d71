package dev.parlor.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's own meters, scraped with the rest at {@code /metrics}: ops by name and outcome with their latency
 * ({@code parlor_gateway_ops_seconds}, with histogram buckets from 5 ms to 5 s), topic events handed to sessions by topic kind
 * ({@code parlor_gateway_fanout_deliveries_total}) and events dropped for clients that read too slowly
 * ({@code parlor_gateway_fanout_drops_total}). Labels are bounded: op names come from the op table, outcomes from
 * the error registry, kinds from the topic kinds; never a topic, user or game id.
 */
public final class GatewayMeters {

  /** Histogram buckets, so dashboards can compute latency quantiles across instances. */
  private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

  private static final GatewayMeters NONE = new GatewayMeters(new SimpleMeterRegistry());

  private final MeterRegistry registry;
  private final Counter drops;
  private final Counter tailMisses;
  private final Map<String, Timer> ops = new ConcurrentHashMap<>();
  private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();

  public GatewayMeters(MeterRegistry registry) {
    this.registry = registry;
    this.drops = Counter.builder("parlor.gateway.fanout.drops")
      .description("events not sent to a client that read too slowly (presence and lobby events only)")
      .register(registry);
    this.tailMisses = Counter.builder("parlor.gateway.topic.tail.misses")
      .description("durable topic events whose publication never reached this gateway, found by the tail check and "
        + "replayed from the store")
      .register(registry);
  }

  /** Meters nobody scrapes, for code built outside a service (tests of one class). */
  public static GatewayMeters none() {
    return NONE;
  }

  /** An op answered: {@code outcome} is {@code ok} or the protocol error code. */
  public void op(String op, String outcome, long startNanos) {
    ops.computeIfAbsent(op + ' ' + outcome, key -> Timer.builder("parlor.gateway.ops")
        .description("ops answered, by op and outcome, with their latency").tags("op", op, "outcome", outcome)
        .serviceLevelObjectives(LATENCY_BUCKETS).register(registry))
      .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  /** One topic event handed to {@code listeners} sessions. */
  public void fannedOut(Enum<?> topicKind, int listeners) {
    deliveries.computeIfAbsent(topicKind.name(), key -> Counter.builder("parlor.gateway.fanout.deliveries")
        .description("topic events handed to sessions, by topic kind")
        .tag("topic", topicKind.name().toLowerCase(Locale.ROOT)).register(registry))
      .increment(listeners);
  }

  public void dropped() {
    drops.increment();
  }

  /** A feed was found behind its topic's store: its sessions replay what its publications never brought. */
  public void tailMissed() {
    tailMisses.increment();
  }
}
