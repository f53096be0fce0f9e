package me.adsby.workbench.storage.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of one metric of a run. The history keeps one point per (run, key, step): a point with a step
 * already stored replaces it.
 *
 * @param epoch    the epoch the step belongs to, or null
 * @param wallTime when the worker measured it (stored with millisecond precision)
 */
public record MetricPoint(String key, long step, Integer epoch, double value, Instant wallTime) {

    public MetricPoint {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(wallTime, "wallTime");
    }
}
