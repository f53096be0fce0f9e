package me.adsby.workbench.engine.model;

import java.util.Arrays;
import java.util.List;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.NumericStatistics;

/**
 * The mean and standard deviation of each numeric feature over the training split, ignoring missing (NaN)
 * values. The network normalises with them as graph constants, so they must come from training data only.
 * A column with no spread (or no values) gets a standard deviation of 1, so normalising never divides by 0.
 */
public record NumericStats(float[] means, float[] stds) {

    public NumericStats {
        if (means.length != stds.length) {
            throw new IllegalArgumentException(means.length + " means but " + stds.length + " standard deviations");
        }
        means = means.clone();
        stds = stds.clone();
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
        float[] means = new float[columns.size()];
        float[] stds = new float[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            means[i] = (float) columns.get(i).mean();
            stds[i] = (float) columns.get(i).std();
        }
        return new NumericStats(means, stds);
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
    public boolean equals(Object other) {
        return other instanceof NumericStats that && Arrays.equals(means, that.means) && Arrays.equals(stds, that.stds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(means) + Arrays.hashCode(stds);
    }

    @Override
    public String toString() {
        return "NumericStats[means=" + Arrays.toString(means) + ", stds=" + Arrays.toString(stds) + "]";
    }
}
