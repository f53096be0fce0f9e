package me.adsby.workbench.engine.input;

/** Mean and population variance in one pass, by Welford's update (stable for large counts). Not thread-safe. */
final class RunningMoments {

    private long count;
    private double mean;
    private double squares;

    /** Adds a value; NaN (missing) is left out. */
    void add(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        count++;
        double delta = value - mean;
        mean += delta / count;
        squares += delta * (value - mean);
    }

    NumericStatistics statistics(String column) {
        if (count == 0) {
            return new NumericStatistics(column, 0, 0, 0);
        }
        return new NumericStatistics(column, count, mean, Math.sqrt(Math.max(0, squares / count)));
    }
}
