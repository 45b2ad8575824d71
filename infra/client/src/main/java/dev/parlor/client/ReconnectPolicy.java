package dev.parlor.client;

import java.util.function.LongUnaryOperator;

/**
 * When a session dials again after its connection ended, and where. Before the first welcome only the attempts asked
 * for are made; after it, always again, except after close 1008 (refused token, abuse: retrying cannot help). A
 * server's {@code reconnect} frame overrides the backoff once: its {@code delayMs} plus a uniform share of its
 * {@code jitterMs}, to the gateway it names (if any), without counting as a failure. No Vert.x in here.
 */
final class ReconnectPolicy {

  static final int POLICY_VIOLATION = 1008;
  static final long GIVE_UP = -1;

  private final Backoff backoff;
  private final LongUnaryOperator random;
  private int attempt;
  private int initialAttempts = 1;
  private boolean welcomedOnce;
  private String hintGateway;
  private long hintDelayMs = -1;
  private long hintJitterMs;

  ReconnectPolicy(Backoff backoff, LongUnaryOperator random) {
    this.backoff = backoff;
    this.random = random;
  }

  void initialAttempts(int attempts) {
    initialAttempts = Math.max(1, attempts);
  }

  /** Records a welcome; returns whether it is a resume (not the first). */
  boolean welcomed() {
    boolean resumed = welcomedOnce;
    welcomedOnce = true;
    attempt = 0;
    return resumed;
  }

  void hint(String gateway, long delayMs, long jitterMs) {
    hintGateway = gateway;
    hintDelayMs = Math.max(0, delayMs);
    hintJitterMs = Math.max(0, jitterMs);
  }

  /** The delay before dialling again after a close with {@code code}, or {@link #GIVE_UP}. */
  long nextDelayMs(int code) {
    return nextDelayMs(code, false);
  }

  /**
   * The same; {@code lateHello}: a 1008 that came during the handshake with no refusal before it, which is the
   * gateway's "no hello in time" (it was busy, or the network slow), not a verdict on this client: dialled again.
   */
  long nextDelayMs(int code, boolean lateHello) {
    if (code == POLICY_VIOLATION && !lateHello || !welcomedOnce && attempt + 1 >= initialAttempts) {
      return GIVE_UP;
    }
    if (hintDelayMs >= 0) {
      long delay = hintDelayMs + random.applyAsLong(hintJitterMs);
      hintDelayMs = -1;
      return delay;
    }
    return backoff.delayMs(attempt++);
  }

  /** The gateway a reconnect frame named, once; null: the session's own choice. */
  String takeHintGateway() {
    String gateway = hintGateway;
    hintGateway = null;
    return gateway;
  }
}
