package dev.parlor.contracts;

import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;

/**
 * The moment after which a request's caller no longer waits for it, carried in the header {@value #HEADER} (epoch
 * milliseconds). A caller that times out reports the request as not done ({@code unavailable}); a service that got
 * the request late (queued behind a stopping instance, a slow Redis) must then not do it any more, or a move the
 * player was told had failed would land seconds later, in a position it was never meant for. Services check it
 * before they start and again right before they write.
 */
public final class Deadline {

  public static final String HEADER = "parlor-deadline";

  private Deadline() {
  }

  /** Sets the send timeout and the matching deadline header. */
  public static DeliveryOptions within(DeliveryOptions options, long timeoutMs) {
    return options.setSendTimeout(timeoutMs)
      .addHeader(HEADER, Long.toString(System.currentTimeMillis() + timeoutMs));
  }

  /** The deadline in the headers, or {@link Long#MAX_VALUE} when the caller gave none (or an unreadable one). */
  public static long of(MultiMap headers) {
    String value = headers == null ? null : headers.get(HEADER);
    if (value == null) {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  public static boolean passed(long deadline) {
    return System.currentTimeMillis() > deadline;
  }
}
