package me.adsby.workbench.storage.history;

import java.time.Instant;
import java.util.Map;

/**
 * A run's model evaluated on a dataset. Its metrics are rows of a child table (one per key), so evaluations
 * can be compared in SQL; a metric that is undefined on the dataset (an AUC with one class) is absent.
 *
 * @param predictionsUri where the per-example predictions were written, or null when none were kept
 */
public record Evaluation(long id, String runId, String datasetUri, String predictionsUri, Instant created,
                         Map<String, Double> metrics) {

    public Evaluation {
        metrics = SortedMaps.copyOf(metrics);
    }
}
