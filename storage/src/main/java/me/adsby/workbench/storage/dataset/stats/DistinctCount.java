package me.adsby.workbench.storage.dataset.stats;

/**
 * How many distinct values a column holds: exact up to a cap, beyond it a HyperLogLog estimate.
 *
 * @param value      the count, or the estimate rounded
 * @param estimated  whether {@code value} is an estimate
 * @param lowerBound the estimate's lower bound at about 95% confidence (two standard deviations); the value
 *                   itself when exact
 * @param upperBound the same, upper
 */
public record DistinctCount(long value, boolean estimated, double lowerBound, double upperBound) {

    public static DistinctCount exact(long value) {
        return new DistinctCount(value, false, value, value);
    }
}
