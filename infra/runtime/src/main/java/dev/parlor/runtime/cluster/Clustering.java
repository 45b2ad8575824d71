package dev.parlor.runtime.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.XmlConfigBuilder;
import dev.parlor.runtime.config.CommonSettings;
import dev.parlor.runtime.config.ServiceConfig;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Turns {@code cluster.*} settings into a Hazelcast cluster manager and the matching event-bus options. */
public final class Clustering {

  private Clustering() {
  }

  /**
   * {@code mayJoinLite}: every service of this process keeps its state elsewhere; with {@code cluster.lite-members}
   * on it joins as a lite member, which takes no partitions and so starts without waiting for any to migrate to it.
   * It promotes itself to a data member when it finds none in the cluster.
   */
  public static HazelcastClusterManager clusterManager(ServiceConfig config, boolean mayJoinLite) {
    Config hazelcast = hazelcastConfig(config);
    if (mayJoinLite && config.getBoolean(CommonSettings.CLUSTER_LITE_MEMBERS)) {
      DataMemberGuard.install(hazelcast);
    }
    return new HazelcastClusterManager(hazelcast);
  }

  /**
   * The event bus binds to the cluster host on an ephemeral port and advertises the public host when set; every socket
   * uses the native transport when {@code network.native-transport} asks for it and it loads; {@code
   * network.event-loops}, when above 0, sets the event-loop threads.
   */
  public static VertxOptions vertxOptions(ServiceConfig config) {
    EventBusOptions eventBus = new EventBusOptions().setHost(config.getString(CommonSettings.CLUSTER_HOST)).setPort(0);
    String publicHost = config.getString(CommonSettings.CLUSTER_PUBLIC_HOST);
    if (!publicHost.isBlank()) {
      eventBus.setClusterPublicHost(publicHost);
    }
    VertxOptions options = new VertxOptions().setEventBusOptions(eventBus)
      .setPreferNativeTransport(config.getBoolean(CommonSettings.NETWORK_NATIVE_TRANSPORT));
    int eventLoops = config.getInt(CommonSettings.NETWORK_EVENT_LOOPS);
    if (eventLoops > 0) {
      options.setEventLoopPoolSize(eventLoops);
    }
    return options;
  }

  /**
   * Parlor's Hazelcast config. A file named by {@code cluster.config-file} is used whole (the Kubernetes variant
   * lives in infra/hazelcast); otherwise the bundled TCP/IP defaults with name, interface, ports and members taken
   * from the settings.
   */
  public static Config hazelcastConfig(ServiceConfig config) {
    String file = config.getString(CommonSettings.CLUSTER_CONFIG_FILE);
    if (!file.isBlank()) {
      try {
        return new XmlConfigBuilder(file).build();
      } catch (FileNotFoundException e) {
        throw new UncheckedIOException("cluster.config-file not found: " + file, e);
      }
    }
    Config hazelcast;
    try (InputStream in = Clustering.class.getClassLoader().getResourceAsStream("parlor-hazelcast.xml")) {
      hazelcast = new XmlConfigBuilder(in).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    hazelcast.setClusterName(config.getString(CommonSettings.CLUSTER_NAME));
    hazelcast.setProperty("hazelcast.wait.seconds.before.join",
      String.valueOf(config.getInt(CommonSettings.CLUSTER_JOIN_WAIT_SECONDS)));
    // A member listed without a port is looked for on every port a member may take.
    hazelcast.setProperty("hazelcast.tcp.join.port.try.count",
      String.valueOf(config.getInt(CommonSettings.CLUSTER_PORT_COUNT)));
    NetworkConfig network = hazelcast.getNetworkConfig();
    network.setPort(config.getInt(CommonSettings.CLUSTER_PORT))
      .setPortCount(config.getInt(CommonSettings.CLUSTER_PORT_COUNT))
      .setPortAutoIncrement(true);
    String host = config.getString(CommonSettings.CLUSTER_HOST);
    network.getInterfaces().clear().setEnabled(!host.equals("0.0.0.0")).addInterface(host);
    String publicHost = config.getString(CommonSettings.CLUSTER_PUBLIC_HOST);
    if (!publicHost.isBlank()) {
      network.setPublicAddress(publicHost);
    }
    JoinConfig join = network.getJoin();
    join.getTcpIpConfig().setEnabled(true).setMembers(config.getList(CommonSettings.CLUSTER_MEMBERS));
    return hazelcast;
  }
}
