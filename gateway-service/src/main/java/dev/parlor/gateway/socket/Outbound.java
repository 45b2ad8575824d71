package dev.parlor.gateway.socket;

import java.util.ArrayDeque;

/**
 * The bounded outbound queue of one socket. While the transport accepts writes, frames go straight through. When it
 * is full, ephemeral events (presence, lobby) are dropped, and replies and durable events wait here up to a byte
 * bound; past it, {@link #send} answers false and the session closes the socket (1013). Nothing ever blocks, and a
 * client that does not read costs at most the transport buffer plus this bound.
 */
public final class Outbound {

  /** How a frame may be treated under back-pressure. */
  public enum Kind { CONTROL, DURABLE, EPHEMERAL }

  private final Transport transport;
  private final long maxPendingChars;
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private long pendingChars;
  private long dropped;
  private boolean drainArmed;

  private final Runnable onDrop;

  public Outbound(Transport transport, long maxPendingChars) {
    this(transport, maxPendingChars, () -> { });
  }

  /** {@code onDrop} runs for each ephemeral event dropped (the gateway counts them). */
  public Outbound(Transport transport, long maxPendingChars, Runnable onDrop) {
    this.transport = transport;
    this.maxPendingChars = maxPendingChars;
    this.onDrop = onDrop;
  }

  /** Sends or queues a frame; false when the queue would overflow (the frame is not queued). */
  public boolean send(String frame, Kind kind) {
    if (pending.isEmpty() && !transport.writeQueueFull()) {
      transport.write(frame);
      return true;
    }
    if (kind == Kind.EPHEMERAL) {
      dropped++;
      onDrop.run();
      return true;
    }
    if (pendingChars + frame.length() > maxPendingChars) {
      return false;
    }
    pending.add(frame);
    pendingChars += frame.length();
    armDrain();
    return true;
  }

  /** Ephemeral events dropped so far because the client read too slowly. */
  public long dropped() {
    return dropped;
  }

  public void clear() {
    pending.clear();
    pendingChars = 0;
  }

  private void armDrain() {
    if (!drainArmed) {
      drainArmed = true;
      transport.onDrain(this::drain);
    }
  }

  private void drain() {
    drainArmed = false;
    while (!pending.isEmpty() && !transport.writeQueueFull()) {
      String frame = pending.poll();
      pendingChars -= frame.length();
      transport.write(frame);
    }
    if (!pending.isEmpty()) {
      armDrain();
    }
  }
}
