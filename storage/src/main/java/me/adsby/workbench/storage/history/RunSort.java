package me.adsby.workbench.storage.history;

import java.util.Objects;

/**
 * The order of the runs table: by a column, ascending or descending. Ties go newest first (then by id), and runs
 * without the sorted metric come last in either direction.
 *
 * @param metricKey the metric whose value is sorted on; only with {@link By#FINAL_METRIC} (the last epoch's) and
 *                  {@link By#BEST_METRIC} (the best epoch's, the exported model's)
 */
public record RunSort(By by, String metricKey, boolean descending) {

    /** What to sort on. NAME ignores case; STATUS sorts in lifecycle order (QUEUED first), not alphabetically. */
    public enum By {
        CREATED,
        NAME,
        STATUS,
        FINAL_METRIC,
        BEST_METRIC
    }

    public RunSort {
        Objects.requireNonNull(by, "by");
        boolean byMetric = by == By.FINAL_METRIC || by == By.BEST_METRIC;
        if (byMetric && (metricKey == null || metricKey.isBlank())) {
            throw new IllegalArgumentException("sorting by a metric needs the metric's key");
        }
        if (!byMetric) {
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

    /** By the best epoch's value of a metric: the exported model's. */
    public static RunSort bestMetric(String key, boolean descending) {
        return new RunSort(By.BEST_METRIC, key, descending);
    }
}
