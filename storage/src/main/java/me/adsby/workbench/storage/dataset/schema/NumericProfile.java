package me.adsby.workbench.storage.dataset.schema;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What inference keeps of a numeric column's values to choose its {@link NumericTransform}, in bounded memory:
 * the count, minimum, maximum, the running mean and second and third central moments (updated one value at a
 * time, so that no value is kept), and an even sample of {@value #SAMPLE} values (reservoir sampling with a
 * fixed seed: the same file always gives the same schema) for the 99th percentile. Not thread-safe.
 */
final class NumericProfile {

    /** Values kept for the percentile. */
    static final int SAMPLE = 4096;
    /** Skewness above which a non-negative column is log-transformed. */
    static final double SKEW_LIMIT = 2.0;
    /** Ratio of the maximum to the 99th percentile above which a non-negative column is log-transformed. */
    static final double TAIL_RATIO_LIMIT = 10.0;

    private final SplittableRandom random = new SplittableRandom(0x5eed);
    private final double[] sample = new double[SAMPLE];
    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;
    private double m3;

    void add(double x) {
        long before = count;
        count++;
        double delta = x - mean;
        double deltaN = delta / count;
        double term = delta * deltaN * before;
        mean += deltaN;
        m3 += term * deltaN * (count - 2) - 3 * deltaN * m2;
        m2 += term;
        min = Math.min(min, x);
        max = Math.max(max, x);
        if (before < SAMPLE) {
            sample[(int) before] = x;
        } else {
            long slot = random.nextLong(count);
            if (slot < SAMPLE) {
                sample[(int) slot] = x;
            }
        }
    }

    long count() {
        return count;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    /** The sample skewness {@code g1 = sqrt(n) m3 / m2^1.5} (0 for fewer than 3 values or no spread). */
    double skewness() {
        if (count < 3 || m2 <= 0) {
            return 0;
        }
        return Math.sqrt(count) * m3 / Math.pow(m2, 1.5);
    }

    /** The 99th percentile of the sample (nearest rank); exact while at most {@value #SAMPLE} values were seen. */
    double p99() {
        int n = (int) Math.min(count, SAMPLE);
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(sample, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.99 * n);
        return sorted[Math.max(rank, 1) - 1];
    }

    /**
     * The default transform: LOG1P for a non-negative, heavy-tailed column (skewness above
     * {@value #SKEW_LIMIT}, or a maximum more than {@value #TAIL_RATIO_LIMIT} times the 99th percentile);
     * else STANDARDIZE. A column without values is standardized.
     */
    NumericTransform transform() {
        if (count == 0 || min < 0) {
            return NumericTransform.STANDARDIZE;
        }
        double p99 = p99();
        boolean longTail = p99 > 0 && max > TAIL_RATIO_LIMIT * p99;
        return skewness() > SKEW_LIMIT || longTail ? NumericTransform.LOG1P : NumericTransform.STANDARDIZE;
    }
}
