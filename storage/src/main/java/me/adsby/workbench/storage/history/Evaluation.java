package me.adsby.workbench.storage.history;

import java.time.Instant;
import java.util.Map;

/**
 * A run's model evaluated on a dataset. Its metrics are rows of a child table (one per key), so evaluations
 * can be compared in SQL.
 */
public record Evaluation(long id, String runId, String datasetUri, Instant created, Map<String, Double> metrics) {

    public Evaluation {
        metrics = SortedMaps.copyOf(metrics);
    }
}
