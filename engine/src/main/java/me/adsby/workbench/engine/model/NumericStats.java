package me.adsby.workbench.engine.model;

import java.util.Arrays;
import java.util.List;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.NumericStatistics;

/**
 * How the network transforms each numeric feature, from the training split only (missing values ignored): for a
 * {@code log1p} column, {@code (log1p(max(x, 0)) - mean) / std} with the moments of {@code log1p(max(x, 0))};
 * for the others {@code (x - mean) / std}. The network uses them as graph constants. A column with no spread
 * (or no values) gets a standard deviation of 1, so normalising never divides by 0.
 *
 * @param means the means, in the transformed space
 * @param stds  the standard deviations, in the transformed space
 * @param log1p which columns are {@code log1p}-transformed first
 */
public record NumericStats(float[] means, float[] stds, boolean[] log1p) {

    /** Standardisation without transforms. */
    public NumericStats(float[] means, float[] stds) {
        this(means, stds, new boolean[means.length]);
    }

    public NumericStats {
        if (means.length != stds.length || means.length != log1p.length) {
            throw new IllegalArgumentException(means.length + " means but " + stds.length + " standard deviations and "
                    + log1p.length + " transform flags");
        }
        means = means.clone();
        stds = stds.clone();
        log1p = log1p.clone();
        for (int i = 0; i < stds.length; i++) {
            if (!Float.isFinite(means[i]) || !(stds[i] > 0f) || !Float.isFinite(stds[i])) {
                throw new IllegalArgumentException("numeric column " + i + " needs a finite mean and a positive standard"
                        + " deviation, was " + means[i] + " and " + stds[i]);
            }
        }
    }

    /** Statistics that leave values unchanged (mean 0, standard deviation 1). */
    public static NumericStats identity(int columns) {
        float[] ones = new float[columns];
        Arrays.fill(ones, 1f);
        return new NumericStats(new float[columns], ones);
    }

    /** The statistics a prepared dataset computed over its training split, in its columns' order. */
    public static NumericStats of(List<NumericStatistics> columns) {
        return of(columns, java.util.Set.of());
    }

    /**
     * The statistics a prepared dataset computed over its training split, in its columns' order, the columns
     * named in {@code log1pColumns} in log space. A constant or empty column gets a standard deviation of 1.
     */
    public static NumericStats of(List<NumericStatistics> columns, java.util.Set<String> log1pColumns) {
        return of(columns, log1pColumns, java.util.Set.of());
    }

    /** As {@link #of(List, java.util.Set)}, with the columns in {@code rawColumns} left as they are (mean 0, std 1). */
    public static NumericStats of(List<NumericStatistics> columns, java.util.Set<String> log1pColumns,
            java.util.Set<String> rawColumns) {
        float[] means = new float[columns.size()];
        float[] stds = new float[columns.size()];
        boolean[] log = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            NumericStatistics column = columns.get(i);
            log[i] = log1pColumns.contains(column.column());
            boolean raw = !log[i] && rawColumns.contains(column.column());
            means[i] = raw ? 0f : (float) (log[i] ? column.logMean() : column.mean());
            float std = raw ? 1f : (float) (log[i] ? column.logStd() : column.std());
            stds[i] = std > 1e-6f && Float.isFinite(std) ? std : 1f;
        }
        return new NumericStats(means, stds, log);
    }

    /** Computes the statistics of the training batches' numeric columns in one pass (Welford, in double). */
    public static NumericStats of(Iterable<Batch> trainingBatches, int columns) {
        long[] counts = new long[columns];
        double[] means = new double[columns];
        double[] squares = new double[columns];
        for (Batch batch : trainingBatches) {
            if (batch.size() == 0) {
                continue;
            }
            if (batch.numeric().length != (long) batch.size() * columns) {
                throw new IllegalArgumentException("a batch holds " + batch.numeric().length / batch.size()
                        + " numeric columns, expected " + columns);
            }
            float[] values = batch.numeric();
            for (int i = 0; i < values.length; i++) {
                float value = values[i];
                if (Float.isFinite(value)) {
                    int column = i % columns;
                    counts[column]++;
                    double delta = value - means[column];
                    means[column] += delta / counts[column];
                    squares[column] += delta * (value - means[column]);
                }
            }
        }
        float[] meanOut = new float[columns];
        float[] stdOut = new float[columns];
        for (int c = 0; c < columns; c++) {
            meanOut[c] = (float) means[c];
            double std = counts[c] > 1 ? Math.sqrt(squares[c] / counts[c]) : 0.0;
            stdOut[c] = std > 1e-6 ? (float) std : 1f;
        }
        return new NumericStats(meanOut, stdOut);
    }

    /** The number of numeric columns. */
    public int columns() {
        return means.length;
    }

    @Override
    public float[] means() {
        return means.clone();
    }

    @Override
    public float[] stds() {
        return stds.clone();
    }

    @Override
    public boolean[] log1p() {
        return log1p.clone();
    }

    /** Whether any column is {@code log1p}-transformed. */
    public boolean anyLog1p() {
        for (boolean flag : log1p) {
            if (flag) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumericStats that && Arrays.equals(means, that.means) && Arrays.equals(stds, that.stds)
                && Arrays.equals(log1p, that.log1p);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(means) + Arrays.hashCode(stds)) + Arrays.hashCode(log1p);
    }

    @Override
    public String toString() {
        return "NumericStats[means=" + Arrays.toString(means) + ", stds=" + Arrays.toString(stds) + ", log1p="
                + Arrays.toString(log1p) + "]";
    }
}
