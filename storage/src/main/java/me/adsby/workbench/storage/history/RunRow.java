package me.adsby.workbench.storage.history;

import java.util.Map;
import java.util.Optional;

/**
 * One line of the runs table: the run, its parameters, its best epoch's metrics (the exported model's, the
 * headline numbers) and the last value of each of its metrics.
 *
 * @param finalMetrics by metric key, the value at the highest step stored (the last epoch's)
 * @param best         the best epoch and its metrics, empty before the first epoch
 */
public record RunRow(Run run, Map<String, String> params, Map<String, Double> finalMetrics, Optional<BestEpoch> best) {

    public RunRow {
        params = SortedMaps.copyOf(params);
        finalMetrics = SortedMaps.copyOf(finalMetrics);
        best = best == null ? Optional.empty() : best;
    }
}
