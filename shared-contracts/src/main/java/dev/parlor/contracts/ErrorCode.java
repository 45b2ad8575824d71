package dev.parlor.contracts;

import java.util.HashMap;
import java.util.Map;

/**
 * The one error registry. A service fails an event-bus request with {@code message.fail(code.failureCode(), text)};
 * the gateway turns the failure code back into the protocol code and the HTTP status. Failure codes are explicit and
 * never renumbered: other services and recorded traffic depend on them.
 */
public enum ErrorCode {
  BAD_FRAME("bad_frame", 4000, 400),
  UNKNOWN_OP("unknown_op", 4001, 400),
  INVALID_ARGS("invalid_args", 4002, 400),
  UNAUTHORIZED("unauthorized", 4010, 401),
  FORBIDDEN("forbidden", 4030, 403),
  NOT_FOUND("not_found", 4040, 404),
  CONFLICT("conflict", 4090, 409),
  NOT_YOUR_TURN("not_your_turn", 4091, 409),
  ILLEGAL_MOVE("illegal_move", 4092, 409),
  GAME_OVER("game_over", 4093, 409),
  TOO_LARGE("too_large", 4130, 413),
  UNSUPPORTED_MEDIA("unsupported_media", 4150, 415),
  RATE_LIMITED("rate_limited", 4290, 429),
  INTERNAL("internal", 5000, 500),
  UNAVAILABLE("unavailable", 5030, 503);

  private static final Map<Integer, ErrorCode> BY_FAILURE_CODE = new HashMap<>();
  private static final Map<String, ErrorCode> BY_CODE = new HashMap<>();

  static {
    for (ErrorCode code : values()) {
      BY_FAILURE_CODE.put(code.failureCode, code);
      BY_CODE.put(code.code, code);
    }
  }

  private final String code;
  private final int failureCode;
  private final int httpStatus;

  ErrorCode(String code, int failureCode, int httpStatus) {
    this.code = code;
    this.failureCode = failureCode;
    this.httpStatus = httpStatus;
  }

  /** The protocol code, as clients see it: {@code "not_your_turn"}. */
  public String code() {
    return code;
  }

  /** The event-bus failure code a service uses with {@code message.fail}. */
  public int failureCode() {
    return failureCode;
  }

  /** The HTTP status that carries this code on the REST API. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The registry entry for an event-bus failure code; {@link #INTERNAL} for a code nobody registered. */
  public static ErrorCode ofFailureCode(int failureCode) {
    return BY_FAILURE_CODE.getOrDefault(failureCode, INTERNAL);
  }

  /** The registry entry for a protocol code, or {@code null}. */
  public static ErrorCode ofCode(String code) {
    return BY_CODE.get(code);
  }
}
