package me.adsby.workbench.storage.dataset.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.stats.CategoricalSummary;
import me.adsby.workbench.storage.dataset.stats.ColumnStatistics;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.Histogram;
import me.adsby.workbench.storage.dataset.stats.NumericSummary;

/**
 * Compares two snapshots' statistics as TFDV does: L-infinity distance for categorical features,
 * Jensen-Shannon divergence on shared equal-width bins for numeric ones. The features measured are the
 * columns of the base in the FEATURE or LABEL role that the candidate has too.
 */
public final class DriftDetector {

    /** TFDV's usual threshold. */
    public static final double DEFAULT_THRESHOLD = 0.1;

    /** Bins shared by both snapshots for the Jensen-Shannon divergence. */
    public static final int DEFAULT_BINS = 20;

    private DriftDetector() {
    }

    public static DriftReport compare(DatasetStatistics base, DatasetStatistics candidate, double threshold) {
        return compare(base, candidate, threshold, DEFAULT_BINS);
    }

    public static DriftReport compare(DatasetStatistics base, DatasetStatistics candidate, double threshold,
                                      int bins) {
        List<FeatureDrift> features = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ColumnStatistics b : base.columns()) {
            if (b.role() != ColumnRole.FEATURE && b.role() != ColumnRole.LABEL) {
                continue;
            }
            Optional<ColumnStatistics> match = candidate.column(b.name());
            if (match.isEmpty()) {
                skipped.add(b.name() + ": not in the candidate");
                continue;
            }
            ColumnStatistics c = match.get();
            if (b.numeric() != null && c.numeric() != null) {
                numeric(b.name(), b.numeric(), c.numeric(), threshold, bins, features, skipped);
            } else if (b.categorical() != null && c.categorical() != null) {
                categorical(b.name(), b.categorical(), c.categorical(), threshold, features, skipped);
            } else {
                skipped.add(b.name() + ": " + kind(b) + " in the base, " + kind(c) + " in the candidate");
            }
        }
        return new DriftReport(base.file(), candidate.file(), threshold, features, skipped);
    }

    private static String kind(ColumnStatistics column) {
        return column.numeric() != null ? "numeric" : "categorical";
    }

    private static void numeric(String name, NumericSummary b, NumericSummary c, double threshold, int bins,
                                List<FeatureDrift> features, List<String> skipped) {
        if (b.count() == 0 || c.count() == 0) {
            skipped.add(name + ": no numbers in " + (b.count() == 0 ? "the base" : "the candidate"));
            return;
        }
        double[] edges = Histogram.equalWidthEdges(Math.min(b.min(), c.min()), Math.max(b.max(), c.max()), bins);
        double[] p = b.distribution().histogram(edges).counts();
        double[] q = c.distribution().histogram(edges).counts();
        boolean estimated = b.distribution().values().length < b.count()
                || c.distribution().values().length < c.count();
        features.add(FeatureDrift.of(name, DriftMeasure.JENSEN_SHANNON, Distances.jensenShannon(p, q), threshold,
                estimated));
    }

    private static void categorical(String name, CategoricalSummary b, CategoricalSummary c, double threshold,
                                    List<FeatureDrift> features, List<String> skipped) {
        if (b.total() == 0 || c.total() == 0) {
            skipped.add(name + ": no values in " + (b.total() == 0 ? "the base" : "the candidate"));
            return;
        }
        double value = Distances.lInfinity(b.values(), b.total(), c.values(), c.total());
        features.add(FeatureDrift.of(name, DriftMeasure.L_INFINITY, value, threshold, !b.exact() || !c.exact()));
    }
}
