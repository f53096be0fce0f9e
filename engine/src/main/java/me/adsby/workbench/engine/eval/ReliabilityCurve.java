package me.adsby.workbench.engine.eval;

import java.util.List;

/**
 * Calibration in {@link #BINS} equal-width bins of the score: [0, 0.1), [0.1, 0.2), ..., [0.9, 1.0].
 *
 * @param bins                       the bins, lowest first
 * @param expectedCalibrationError   the sum over bins of count / total x |mean predicted - observed rate|;
 *                                   undefined without examples
 */
public record ReliabilityCurve(List<ReliabilityBin> bins, MetricValue expectedCalibrationError) {

    public static final int BINS = 10;

    public ReliabilityCurve {
        bins = List.copyOf(bins);
    }

    /** The bin of a score in [0, 1]. */
    static int binOf(double score) {
        return Math.min(BINS - 1, (int) (score * BINS));
    }
}
