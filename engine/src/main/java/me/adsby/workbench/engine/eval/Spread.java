package me.adsby.workbench.engine.eval;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * How a metric varies across the runs of a group (repeats with other model seeds, or folds): the mean, the
 * sample standard deviation (divisor {@code n - 1}) and the 95% interval of the mean, {@code mean +/- t * sd /
 * sqrt(n)} with Student's t quantile at 0.975 for {@code n - 1} degrees of freedom. With one run the spread
 * and the interval are undefined (NaN).
 *
 * @param count the runs that have the metric
 * @param mean  their mean
 * @param sd    the sample standard deviation, or NaN under 2 runs
 * @param low   the interval's lower end, or NaN under 2 runs
 * @param high  the interval's upper end, or NaN under 2 runs
 */
public record Spread(int count, double mean, double sd, double low, double high) {

    /** The spread of {@code values}, NaNs (runs without the metric) left out; null when none is left. */
    public static Spread of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                n++;
                sum += value;
            }
        }
        if (n == 0) {
            return null;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Spread(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                squares += (value - mean) * (value - mean);
            }
        }
        double sd = Math.sqrt(squares / (n - 1));
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new Spread(n, mean, sd, mean - half, mean + half);
    }
}
