package me.adsby.workbench.storage.dataset.drift;

/**
 * The drift of one feature between two snapshots.
 *
 * @param feature   the column's name
 * @param measure   which distance
 * @param name      the distance's name, for people
 * @param formula   its formula in words, for the UI's help
 * @param value     the distance
 * @param threshold the threshold it was compared with
 * @param drifted   whether {@code value > threshold}
 * @param estimated whether the value rests on estimates (sketched frequencies beyond the distinct cap, or
 *                  KLL distributions beyond k values)
 */
public record FeatureDrift(String feature, DriftMeasure measure, String name, String formula, double value,
                           double threshold, boolean drifted, boolean estimated) {

    static FeatureDrift of(String feature, DriftMeasure measure, double value, double threshold, boolean estimated) {
        return new FeatureDrift(feature, measure, measure.title(), measure.formula(), value, threshold,
                value > threshold, estimated);
    }
}
