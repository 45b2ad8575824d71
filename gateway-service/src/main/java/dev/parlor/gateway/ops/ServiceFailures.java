package dev.parlor.gateway.ops;

import dev.parlor.contracts.ErrorCode;
import io.vertx.core.eventbus.ReplyException;

/** The one decoder from an event-bus failure to a protocol error: registry codes pass through, silence is unavailable. */
public final class ServiceFailures {

  private ServiceFailures() {
  }

  public static ErrorCode code(Throwable failure) {
    if (failure instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case TIMEOUT, NO_HANDLERS -> ErrorCode.UNAVAILABLE;
        case RECIPIENT_FAILURE -> ErrorCode.ofFailureCode(reply.failureCode());
        default -> ErrorCode.INTERNAL;
      };
    }
    // A local wait that timed out (a topic consumer's cluster-wide registration): the cluster is not answering.
    return failure instanceof java.util.concurrent.TimeoutException ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL;
  }

  public static String message(Throwable failure) {
    if (failure instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case TIMEOUT -> "the service did not answer in time";
        case NO_HANDLERS -> "the service is not available";
        default -> String.valueOf(reply.getMessage());
      };
    }
    return failure instanceof java.util.concurrent.TimeoutException ? "the cluster did not answer in time"
      : "internal error";
  }
}
