package me.adsby.workbench.storage.dataset.drift;

import java.util.List;

/**
 * Drift between a base snapshot and a candidate, per feature.
 *
 * @param threshold the threshold every feature was compared with
 * @param features  the features measured, in the base's column order
 * @param skipped   why some columns were not measured, e.g. {@code "price: numeric in base, categorical in candidate"}
 */
public record DriftReport(String base, String candidate, double threshold, List<FeatureDrift> features,
                          List<String> skipped) {

    public DriftReport {
        features = List.copyOf(features);
        skipped = List.copyOf(skipped);
    }

    /** The features above the threshold. */
    public List<FeatureDrift> drifted() {
        return features.stream().filter(FeatureDrift::drifted).toList();
    }
}
