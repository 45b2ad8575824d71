package dev.parlor.contracts.protocol;

/** WebSocket close codes the gateway uses (RFC 6455). */
public final class CloseCodes {

  /** Idle peer: nothing heard for twice the heartbeat interval. */
  public static final short GOING_AWAY = 1001;
  /** Policy violation: bad token, a frame before {@code hello}, no {@code hello} in time, sustained flooding. */
  public static final short POLICY = 1008;
  /** A message over the size limit. */
  public static final short TOO_BIG = 1009;
  /** Service restart: the gateway is draining; reconnect (to another instance) as its {@code reconnect} frame said. */
  public static final short SERVICE_RESTART = 1012;
  /** Try again later: the client does not read fast enough and durable events backed up. */
  public static final short TRY_AGAIN_LATER = 1013;

  private CloseCodes() {
  }
}
