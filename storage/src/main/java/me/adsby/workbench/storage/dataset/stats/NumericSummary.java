package me.adsby.workbench.storage.dataset.stats;

/**
 * Statistics of the numbers of a column (missing cells left out).
 *
 * @param count        how many numbers
 * @param min          the smallest (NaN when there are none)
 * @param max          the largest
 * @param mean         the mean (Welford's running mean)
 * @param stdDev       the <b>sample</b> standard deviation, {@code sqrt(sum((x - mean)^2) / (count - 1))}
 *                     (as pandas' {@code describe}); 0 for a single number
 * @param quantiles    p1 .. p99 from the KLL sketch
 * @param histogram    equal-width bins between min and max, from the sketch's CDF
 * @param distribution the sketch's sorted view, for binning on other edges (drift)
 */
public record NumericSummary(long count, double min, double max, double mean, double stdDev, Quantiles quantiles,
                             Histogram histogram, Distribution distribution) {
}
