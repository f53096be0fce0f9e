package me.adsby.workbench.storage.history;

import java.util.Objects;

/**
 * The order of the runs table: by a column, ascending or descending. Ties go newest first (then by id), and runs
 * without the sorted final metric come last in either direction.
 *
 * @param metricKey the metric whose final value is sorted on; only with {@link By#FINAL_METRIC}
 */
public record RunSort(By by, String metricKey, boolean descending) {

    /** What to sort on. NAME ignores case; STATUS sorts in lifecycle order (QUEUED first), not alphabetically. */
    public enum By {
        CREATED,
        NAME,
        STATUS,
        FINAL_METRIC
    }

    public RunSort {
        Objects.requireNonNull(by, "by");
        if (by == By.FINAL_METRIC && (metricKey == null || metricKey.isBlank())) {
            throw new IllegalArgumentException("sorting by a final metric needs the metric's key");
        }
        if (by != By.FINAL_METRIC) {
            metricKey = null;
        }
    }

    /** Newest first: the default. */
    public static RunSort newestFirst() {
        return new RunSort(By.CREATED, null, true);
    }

    public static RunSort by(By by, boolean descending) {
        return new RunSort(by, null, descending);
    }

    public static RunSort finalMetric(String key, boolean descending) {
        return new RunSort(By.FINAL_METRIC, key, descending);
    }
}
