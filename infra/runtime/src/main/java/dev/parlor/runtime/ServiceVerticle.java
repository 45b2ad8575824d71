package dev.parlor.runtime;

import dev.parlor.contracts.Deadline;
import dev.parlor.contracts.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;

/**
 * A verticle that serves event-bus requests and stops gracefully: on undeploy it first unregisters its consumers (no
 * new request reaches this instance; other instances take them), then waits until every request this process
 * already received is answered (bounded by {@code shutdown.grace-ms}), and only then lets Vert.x tear down its
 * context and timers. Register consumers with {@link #consume} and put teardown in {@link #onStop}.
 */
public abstract class ServiceVerticle extends VerticleBase {

  protected final ServiceContext context;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  protected ServiceVerticle(ServiceContext context) {
    this.context = context;
  }

  /**
   * Registers a consumer that is unregistered first when this verticle stops; its completion is its readiness. A
   * request that arrives after its caller's {@link Deadline} is refused ({@code unavailable}) without running: its
   * caller has already been told it failed.
   */
  protected <T> Future<Void> consume(String address, Handler<Message<T>> handler) {
    MessageConsumer<T> consumer = vertx.eventBus().consumer(address, message -> {
      if (message.replyAddress() != null && Deadline.passed(Deadline.of(message.headers()))) {
        message.fail(ErrorCode.UNAVAILABLE.failureCode(), "the request came after its deadline");
        return;
      }
      handler.handle(message);
    });
    consumers.add(consumer);
    return consumer.completion();
  }

  @Override
  public final Future<?> stop() {
    List<Future<Void>> unregistered = consumers.stream().map(MessageConsumer::unregister).toList();
    return Future.join(unregistered)
      .transform(done -> context.inFlight().drained(vertx, context.config().getLong(
        dev.parlor.runtime.config.CommonSettings.SHUTDOWN_GRACE_MS)))
      .transform(done -> onStop());
  }

  /** Teardown after the last request was answered; nothing by default. */
  protected Future<?> onStop() {
    return Future.succeededFuture();
  }
}
