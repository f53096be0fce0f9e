package me.adsby.workbench.engine.input;

/**
 * Mean and population variance in one pass, by Welford's update (stable for large counts), of the values and of
 * {@code log1p(max(value, 0))}. Not thread-safe.
 */
final class RunningMoments {

    private long count;
    private double mean;
    private double squares;
    private double logMean;
    private double logSquares;

    /** Adds a value; NaN (missing) is left out. */
    void add(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        count++;
        double delta = value - mean;
        mean += delta / count;
        squares += delta * (value - mean);
        double log = Math.log1p(Math.max(0, value));
        double logDelta = log - logMean;
        logMean += logDelta / count;
        logSquares += logDelta * (log - logMean);
    }

    NumericStatistics statistics(String column) {
        if (count == 0) {
            return new NumericStatistics(column, 0, 0, 0, 0, 0);
        }
        return new NumericStatistics(column, count, mean, Math.sqrt(Math.max(0, squares / count)), logMean,
                Math.sqrt(Math.max(0, logSquares / count)));
    }
}
