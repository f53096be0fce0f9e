package me.adsby.workbench.engine.input;

/**
 * Moments of one numeric feature over the training split's good rows, missing values left out; models normalise
 * with them as {@code (x - mean) / std}, or, for a column they transform, as {@code (log1p(max(x, 0)) - logMean)
 * / logStd}. Standard deviations are the population's (divided by {@code count}, as Keras' Normalization layer
 * computes them). A column without values has means 0 and stds 0, and a constant column std 0: a model must
 * guard against dividing by 0.
 *
 * @param column  the column's name
 * @param count   how many training values were not missing
 * @param mean    their mean
 * @param std     their population standard deviation
 * @param logMean the mean of {@code log1p(max(x, 0))}
 * @param logStd  its population standard deviation
 */
public record NumericStatistics(String column, long count, double mean, double std, double logMean, double logStd) {

    /** Moments without the log-space ones (zeros). */
    public NumericStatistics(String column, long count, double mean, double std) {
        this(column, count, mean, std, 0, 0);
    }
}
