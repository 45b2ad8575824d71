package dev.parlor.loadgen;

import dev.parlor.client.ParlorClient;
import dev.parlor.client.Session;
import dev.parlor.client.SessionListener;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Signs in and connects many guests with a bounded number in flight, so that set-up measures the gateway rather than
 * a self-made connection storm. Blocks the calling (main) thread, never an event loop.
 */
final class Population {

  private static final int SIGN_IN_ATTEMPTS = 3;

  private Population() {
  }

  static List<Session> connect(ParlorClient client, int count, String prefix, int inFlight,
                               IntFunction<SessionListener> listeners, Metrics metrics) throws InterruptedException {
    Session[] sessions = new Session[count];
    Semaphore permits = new Semaphore(Math.max(1, inFlight));
    CountDownLatch done = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      permits.acquire();
      int index = i;
      long started = System.nanoTime();
      signIn(client, prefix + i, () -> listeners.apply(index), SIGN_IN_ATTEMPTS)
        .onComplete(ar -> {
          if (ar.succeeded()) {
            sessions[index] = ar.result();
            metrics.always("connect", started);
          } else {
            metrics.error(ar.cause());
          }
          permits.release();
          done.countDown();
        });
    }
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("sessions did not connect within 10 minutes");
    }
    List<Session> connected = new ArrayList<>(count);
    for (Session s : sessions) {
      if (s != null) {
        connected.add(s);
      }
    }
    return connected;
  }

  /**
   * Signs a guest in and connects them, again from the start if that fails: set-up is not what a run measures, and one
   * lost sign-in must not leave a whole run short of a session.
   */
  private static Future<Session> signIn(ParlorClient client, String name, Supplier<SessionListener> listener,
                                        int attempts) {
    Future<Session> attempt = client.createGuest(name).compose(guest -> {
      Session session = client.session(guest, listener.get());
      return session.connect(3).map(welcome -> session);
    });
    return attempts <= 1 ? attempt : attempt.recover(e -> signIn(client, name, listener, attempts - 1));
  }

  static void closeAll(List<Session> sessions) {
    sessions.forEach(Session::close);
  }
}
