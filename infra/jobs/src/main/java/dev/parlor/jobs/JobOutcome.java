package dev.parlor.jobs;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A successful delivery: the job's result (kept in its record) and outputs to store under deterministic Redis keys,
 * so that running a job twice writes the same keys with the same bytes.
 */
public record JobOutcome(JsonObject result, Map<String, Buffer> outputs) {
}
