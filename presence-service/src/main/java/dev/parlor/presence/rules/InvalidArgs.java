package dev.parlor.presence.rules;

/** Arguments that break the protocol's shape rules; its message says which and why, for the client to read. */
public final class InvalidArgs extends RuntimeException {

  public InvalidArgs(String message) {
    super(message, null, false, false);
  }
}
