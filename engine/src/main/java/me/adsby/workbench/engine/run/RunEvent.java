package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of a run, as written to its run directory: a sequence number that starts at 1 and grows by one,
 * when it happened, what kind of event it is, and its data (a JSON object).
 *
 * @param seq  the event's place in the run's history; consumers ingest by it, idempotently
 * @param type e.g. {@code state}, {@code epoch}, {@code log}, {@code artifact}
 */
public record RunEvent(long seq, Instant time, String type, JsonNode data) {

    public RunEvent {
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
