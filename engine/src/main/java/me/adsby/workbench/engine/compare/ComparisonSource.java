package me.adsby.workbench.engine.compare;

import java.util.Objects;

/**
 * Which predictions the runs are compared on: each run's validation split ({@code eval/predictions.csv}), or
 * each run's latest evaluation on one dataset ({@code workbench evaluate}). Only the second is one holdout
 * set for every run whatever their splits; validation predictions pair up when the runs split one dataset
 * the same way.
 *
 * @param datasetUri the evaluation dataset, or null for the validation split
 */
public record ComparisonSource(String datasetUri) {

    /** The runs' validation predictions. */
    public static final ComparisonSource VALIDATION = new ComparisonSource(null);

    /** The runs' latest evaluations on a dataset. */
    public static ComparisonSource evaluation(String datasetUri) {
        return new ComparisonSource(Objects.requireNonNull(datasetUri, "datasetUri"));
    }

    public boolean isValidation() {
        return datasetUri == null;
    }

    /** {@code validation}, or the dataset's URI. */
    public String describe() {
        return isValidation() ? "validation" : datasetUri;
    }
}
