package me.adsby.workbench.storage.dataset.stats;

import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * Streams numbers into a count, min, max, Welford's mean and sum of squared deviations, and a KLL sketch
 * (k = 200). Not thread-safe.
 */
final class NumericAccumulator {

    /** The KLL sketch's k: about 1.33% rank error at 99% confidence. */
    static final int KLL_K = 200;

    private final KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(KLL_K);
    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;

    void add(double x) {
        count++;
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
        double delta = x - mean;
        mean += delta / count;
        m2 += delta * (x - mean);
        sketch.update(x);
    }

    long count() {
        return count;
    }

    NumericSummary result(int bins) {
        if (count == 0) {
            return new NumericSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null,
                    Distribution.of(sketch));
        }
        double stdDev = count > 1 ? Math.sqrt(m2 / (count - 1)) : 0;
        Quantiles quantiles = Quantiles.of(sketch.getQuantiles(Quantiles.RANKS));
        Distribution distribution = Distribution.of(sketch);
        Histogram histogram = distribution.histogram(Histogram.equalWidthEdges(min, max, bins));
        return new NumericSummary(count, min, max, mean, stdDev, quantiles, histogram, distribution);
    }
}
