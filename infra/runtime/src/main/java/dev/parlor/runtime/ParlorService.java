package dev.parlor.runtime;

import io.vertx.core.Future;

/**
 * One Parlor service: a name and a way to deploy its verticles. Its settings are the keys of the classpath file
 * {@code conf/<name>.json}, all prefixed with {@code <name>.}; {@code <name>.management.port} is required.
 */
public interface ParlorService {

  /** Short name, also the prefix of its settings: {@code gateway}, {@code game}, {@code presence}, {@code thumbnail}. */
  String name();

  /** Deploys the service's verticles through {@link ServiceContext#deploy}; completes when the service is ready. */
  Future<?> deploy(ServiceContext context);

  /**
   * Whether a process running only services like this one may join the cluster as a Hazelcast lite member (no
   * partitions, so nothing migrates to it when it joins): true for services that keep their state elsewhere and
   * start often, the gateway and the worker. See {@code cluster.lite-members}.
   */
  default boolean mayJoinLite() {
    return false;
  }
}
