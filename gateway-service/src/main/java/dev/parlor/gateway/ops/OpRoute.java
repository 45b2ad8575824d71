package dev.parlor.gateway.ops;

/** Where an op goes on the event bus and how long its caller waits. */
public record OpRoute(String op, String address, long timeoutMs) {
}
