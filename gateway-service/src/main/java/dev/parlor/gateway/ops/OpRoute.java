package dev.parlor.gateway.ops;

/** Where an op goes on the event bus, how its arguments are checked, and how long its caller waits. */
public record OpRoute(String op, String address, Args.Check args, long timeoutMs) {
}
