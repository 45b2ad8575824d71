package dev.parlor.contracts.jobs;

/** The life of a job as clients and services see it ({@code GET /api/v1/jobs/<id>}): queued → running → done | failed. */
public enum JobState {
  /** Waiting for a worker, including while a retry waits for its backoff. */
  QUEUED("queued"),
  RUNNING("running"),
  DONE("done"),
  /** Ended without a result; dead-lettered with its reason. */
  FAILED("failed");

  private final String wire;

  JobState(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public boolean terminal() {
    return this == DONE || this == FAILED;
  }

  public static JobState ofWire(String wire) {
    for (JobState state : values()) {
      if (state.wire.equals(wire)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown job state " + wire);
  }
}
