package dev.parlor.runtime.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.EnumSet;
import java.util.UUID;

/**
 * The metrics of one process: Vert.x (HTTP, event bus, pools, Redis client), JVM (memory, GC, threads) and whatever
 * the services register, scraped in Prometheus format at {@code /metrics} on each management port. Event-bus
 * addresses are not a label: topic and reply addresses are unbounded.
 */
public final class Metrics {

  private final boolean enabled;
  private final String registryName = "parlor-" + UUID.randomUUID();

  public Metrics(boolean enabled) {
    this.enabled = enabled;
  }

  public MicrometerMetricsOptions vertxOptions() {
    return new MicrometerMetricsOptions()
      .setEnabled(enabled)
      .setRegistryName(registryName)
      .setJvmMetricsEnabled(true)
      .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.EB_SIDE, Label.EB_FAILURE,
        Label.POOL_TYPE, Label.POOL_NAME, Label.CLIENT_NAME, Label.NAMESPACE, Label.CLASS_NAME))
      .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true));
  }

  /** Where services register their own meters; a throwaway registry when metrics are off. */
  public MeterRegistry registry() {
    MeterRegistry registry = enabled ? BackendRegistries.getNow(registryName) : null;
    return registry != null ? registry : new SimpleMeterRegistry();
  }

  public Handler<RoutingContext> scrapingHandler() {
    return enabled ? PrometheusScrapingHandler.create(registryName) : ctx -> ctx.response().setStatusCode(404).end();
  }
}
