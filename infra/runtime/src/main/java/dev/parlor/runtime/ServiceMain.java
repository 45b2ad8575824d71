package dev.parlor.runtime;

import dev.parlor.runtime.config.ConfigSources;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point every service's {@code main} calls: start, report readiness, stop gracefully on SIGTERM or
 * Ctrl-C. A process that cannot start exits with status 1 and says why.
 */
public final class ServiceMain {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);

  private ServiceMain() {
  }

  public static ParlorRuntime run(String[] args, ParlorService... services) {
    long started = System.nanoTime();
    String names = String.join(", ", List.of(services).stream().map(ParlorService::name).toList());
    ParlorRuntime runtime;
    try {
      runtime = ParlorRuntime.start(ConfigSources.fromProcess(args), List.of(services));
    } catch (Exception e) {
      LOG.error("Could not start {}: {}", names, e.getMessage(), e);
      System.exit(1);
      return null;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Stopping {}", names);
      runtime.close();
    }, "parlor-shutdown"));
    LOG.info("{} ready in {} ms (Redis {}, node {}, sockets on {})", names, (System.nanoTime() - started) / 1_000_000,
      runtime.redisUrl(), runtime.vertx().isClustered() ? "clustered" : "local", runtime.transportName());
    return runtime;
  }
}
