package dev.parlor.runtime.cluster;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cluster's data somewhere when lite members are alone. A lite member holds no partitions, so a cluster of
 * lite members only cannot store the event bus's registrations at all: a lite member that has joined and finds no
 * data member (a gateway started first), or sees the last one leave, promotes itself to a data member.
 */
final class DataMemberGuard implements MembershipListener, LifecycleListener, HazelcastInstanceAware {

  private static final Logger LOG = LoggerFactory.getLogger(DataMemberGuard.class);

  private volatile HazelcastInstance instance;

  /** Makes {@code config} a lite member's, guarded. */
  static void install(Config config) {
    DataMemberGuard guard = new DataMemberGuard();
    config.setLiteMember(true);
    config.addListenerConfig(new ListenerConfig((MembershipListener) guard));
    config.addListenerConfig(new ListenerConfig((LifecycleListener) guard));
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance instance) {
    this.instance = instance;
  }

  /**
   * STARTED comes on the starting thread once the member has joined, before the cluster manager stores anything, so
   * a member that is alone promotes itself before its first registration.
   */
  @Override
  public void stateChanged(LifecycleEvent event) {
    if (event.getState() == LifecycleEvent.LifecycleState.STARTED && instance != null) {
      promoteIfNoDataMember(instance.getCluster(), "it joined a cluster without one");
    }
  }

  @Override
  public void memberAdded(MembershipEvent event) {
  }

  /** Off the event thread: promotion waits for the cluster's master, which may be this member's own event work. */
  @Override
  public void memberRemoved(MembershipEvent event) {
    Cluster cluster = event.getCluster();
    if (noDataMember(cluster)) {
      Thread promote = new Thread(() -> promoteIfNoDataMember(cluster, "the last one left"), "parlor-promote");
      promote.setDaemon(true);
      promote.start();
    }
  }

  private static boolean noDataMember(Cluster cluster) {
    return cluster.getLocalMember().isLiteMember() && cluster.getMembers().stream().allMatch(Member::isLiteMember);
  }

  private static void promoteIfNoDataMember(Cluster cluster, String why) {
    if (!noDataMember(cluster)) {
      return;
    }
    try {
      cluster.promoteLocalLiteMember();
      LOG.info("Promoted to a cluster data member: no data member was left ({})", why);
    } catch (RuntimeException e) {
      LOG.warn("Could not promote this lite member to a data member ({}): {}", why, e.toString());
    }
  }
}
