package me.adsby.workbench.engine.eval;

import java.util.List;
import java.util.Objects;

/**
 * Which columns of a predictions CSV hold what.
 *
 * @param label  the 0/1 label (also true/false, yes/no)
 * @param score  the predicted probability, in [0, 1]
 * @param key    the example's key, or null for none
 * @param slices categorical columns to slice by
 */
public record PredictionColumns(String label, String score, String key, List<String> slices) {

    public PredictionColumns {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(score, "score");
        slices = List.copyOf(slices);
    }

    /** A run's {@code eval/predictions.csv}: {@code key}, {@code label}, {@code score}, no slices. */
    public static PredictionColumns runDefaults() {
        return new PredictionColumns("label", "score", "key", List.of());
    }

    public PredictionColumns withSlices(List<String> columns) {
        return new PredictionColumns(label, score, key, columns);
    }

    public PredictionColumns withKey(String column) {
        return new PredictionColumns(label, score, column, slices);
    }
}
