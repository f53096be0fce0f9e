package me.adsby.workbench.storage.history;

import java.util.Map;

/**
 * One line of the runs table: the run, its parameters and the last value of each of its metrics.
 *
 * @param finalMetrics by metric key, the value at the highest step stored
 */
public record RunRow(Run run, Map<String, String> params, Map<String, Double> finalMetrics) {

    public RunRow {
        params = SortedMaps.copyOf(params);
        finalMetrics = SortedMaps.copyOf(finalMetrics);
    }
}
