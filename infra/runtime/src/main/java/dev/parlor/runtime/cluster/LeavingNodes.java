package dev.parlor.runtime.cluster;

import io.vertx.core.Completable;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.impl.clustered.NodeSelector;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusteredNode;
import io.vertx.core.spi.cluster.RegistrationUpdateEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a node leave the cluster without losing a request. Vert.x drops a point-to-point message that reaches a node
 * whose consumer is already gone, and the other nodes learn of an unregistration only some milliseconds later: a
 * node that simply unregistered would lose the requests sent to it in that window (the callers time out).
 *
 * <p>So a stopping node first announces that it is leaving ({@link #announce}) while its consumers still serve. Every
 * node's event bus sends through {@link #selector}, which skips announced nodes whenever another node has a consumer
 * for the address. Once the announcement had time to arrive everywhere, nothing new is routed to the leaving node and
 * it can unregister; what was already on the way to it is still served.
 *
 * <p>{@link NodeSelector} is Vert.x's internal hook for choosing the target node; it wraps the default selector, which
 * keeps its round robin and its view of the registrations.
 */
public final class LeavingNodes {

  /** Published by a node about to leave: {@code {"nodeId"}}. */
  public static final String ADDRESS = "parlor.cluster.leaving";
  /** Node ids are unique per process, so an announcement only needs to outlive the node's departure. */
  private static final long FORGET_AFTER_MS = 10 * 60_000;
  /** How many other choices the round robin is asked for before a leaving node is used anyway. */
  private static final int DETOURS = 8;

  private final Map<String, Long> leaving = new ConcurrentHashMap<>();
  private final NodeSelector selector;

  public LeavingNodes(NodeSelector delegate) {
    this.selector = new Selector(delegate);
  }

  /** The node selector to give the clustered Vert.x at its start. */
  public NodeSelector selector() {
    return selector;
  }

  /** Starts hearing announcements. */
  public MessageConsumer<JsonObject> listen(Vertx vertx) {
    return vertx.eventBus().<JsonObject>consumer(ADDRESS, message -> {
      long now = System.currentTimeMillis();
      leaving.values().removeIf(at -> now - at > FORGET_AFTER_MS);
      String nodeId = message.body().getString("nodeId");
      if (nodeId != null) {
        leaving.put(nodeId, now);
      }
    });
  }

  /** Tells every node (this one too) that {@code nodeId} leaves: send it nothing new. */
  public void announce(Vertx vertx, String nodeId) {
    vertx.eventBus().publish(ADDRESS, new JsonObject().put("nodeId", nodeId));
  }

  boolean isLeaving(String nodeId) {
    return nodeId != null && leaving.containsKey(nodeId);
  }

  private final class Selector implements NodeSelector {
    private final NodeSelector delegate;

    Selector(NodeSelector delegate) {
      this.delegate = delegate;
    }

    @Override
    public void init(ClusteredNode node) {
      delegate.init(node);
    }

    @Override
    public void eventBusStarted() {
      delegate.eventBusStarted();
    }

    @Override
    public void selectForSend(String address, Completable<String> promise) {
      if (leaving.isEmpty()) {
        delegate.selectForSend(address, promise);
      } else {
        select(address, promise, DETOURS, null);
      }
    }

    /** Asks the round robin again while it names a leaving node; the first choice stands if all are leaving. */
    private void select(String address, Completable<String> promise, int detoursLeft, String firstChoice) {
      delegate.selectForSend(address, (nodeId, failure) -> {
        if (failure != null || !isLeaving(nodeId)) {
          promise.complete(nodeId, failure);
        } else if (detoursLeft == 0 || nodeId.equals(firstChoice)) {
          promise.succeed(firstChoice == null ? nodeId : firstChoice);
        } else {
          select(address, promise, detoursLeft - 1, firstChoice == null ? nodeId : firstChoice);
        }
      });
    }

    @Override
    public void selectForPublish(String address, Completable<Iterable<String>> promise) {
      delegate.selectForPublish(address, promise);
    }

    @Override
    public void registrationsUpdated(RegistrationUpdateEvent event) {
      delegate.registrationsUpdated(event);
    }

    @Override
    public void registrationsLost() {
      delegate.registrationsLost();
    }

    @Override
    public boolean wantsUpdatesFor(String address) {
      return delegate.wantsUpdatesFor(address);
    }
  }
}
