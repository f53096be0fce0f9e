package me.adsby.workbench.engine.eval;

/**
 * A 95% interval. For a bootstrap, the 2.5th and 97.5th percentiles (linear interpolation between order
 * statistics, as numpy's default) of the metric over the resamples where it is defined.
 *
 * @param lower             the lower bound; NaN when undefined
 * @param upper             the upper bound; NaN when undefined
 * @param definedResamples  resamples where the metric had a value (a resample may draw a single class)
 * @param resamples         resamples drawn (0 for an interval from a formula)
 */
public record ConfidenceInterval(double lower, double upper, int definedResamples, int resamples) {

    public static final double LEVEL = 0.95;

    public boolean isDefined() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    public boolean contains(double value) {
        return isDefined() && value >= lower && value <= upper;
    }

    static ConfidenceInterval undefined(int resamples) {
        return new ConfidenceInterval(Double.NaN, Double.NaN, 0, resamples);
    }

    /** The percentile interval of the values (sorted in place); NaN values are the undefined resamples. */
    static ConfidenceInterval percentile(double[] values) {
        double[] defined = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (defined.length == 0) {
            return undefined(values.length);
        }
        double alpha = (1 - LEVEL) / 2;
        return new ConfidenceInterval(quantile(defined, alpha), quantile(defined, 1 - alpha), defined.length,
                values.length);
    }

    /** The q-quantile of sorted values, interpolating linearly between order statistics. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    @Override
    public String toString() {
        return isDefined() ? "[" + lower + ", " + upper + "]" : "undefined";
    }
}
