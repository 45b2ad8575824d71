package dev.parlor.gateway.ops;

/** An op's arguments do not have the shape the protocol gives them ({@code invalid_args}). */
public final class InvalidArgs extends Exception {

  public InvalidArgs(String message) {
    super(message, null, false, false);
  }
}
