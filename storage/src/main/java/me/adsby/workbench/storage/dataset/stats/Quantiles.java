package me.adsby.workbench.storage.dataset.stats;

/**
 * Quantiles of a numeric column from its KLL sketch: each is the smallest retained value {@code v} with
 * {@code rank(v) >= p} (inclusive ranks; no interpolation between values). Exact while the column has at
 * most {@code k} = 200 values; beyond that the rank error is at most about 1.33% with 99% confidence.
 */
public record Quantiles(double p1, double p5, double p25, double p50, double p75, double p95, double p99) {

    /** The ranks, in the order of the components. */
    static final double[] RANKS = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};

    static Quantiles of(double[] values) {
        return new Quantiles(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }
}
