package dev.parlor.jobs;

import io.vertx.core.json.JsonObject;

/**
 * One delivery of a job to one worker. The {@code fence} grows with every delivery: a transition is accepted only
 * with the current fence, so a worker whose lease was reclaimed can no longer complete, fail or extend the job.
 */
public record Lease(String jobId, String entryId, String fence, int delivery, String owner, JsonObject payload) {
}
