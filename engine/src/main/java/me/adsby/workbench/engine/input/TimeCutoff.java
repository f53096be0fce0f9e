package me.adsby.workbench.engine.input;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.csv.CsvRowReader;
import me.adsby.workbench.storage.work.Cancellation;

/**
 * Chooses the cutoff of a time split in one pass over the time column: the rows are ordered by time, and the
 * cutoff is the time of the last row that stays in training, so that the latest {@code round(n * fraction)}
 * rows are after it. Rows that tie with the cutoff stay in training, so with many ties the validation share
 * is smaller than asked (the run reports the counts it got). Cells that are empty or not times are skipped
 * here; preparation reports them as bad rows. Memory: 8 bytes a row.
 */
public final class TimeCutoff {

    private TimeCutoff() {
    }

    /**
     * The cutoff for {@code column} of the CSV.
     *
     * @throws IllegalArgumentException when the file has no such column, or no row with a time
     */
    public static double choose(CsvSource source, String column, double validationFraction, Cancellation cancel)
            throws IOException {
        return choose(source, column, new double[] {validationFraction}, cancel)[0];
    }

    /** The cutoffs that leave each of {@code fractions} of the rows after them, in one pass. */
    public static double[] choose(CsvSource source, String column, double[] fractions, Cancellation cancel)
            throws IOException {
        double[] times = new double[1024];
        int count = 0;
        TimeValues parser = new TimeValues();
        try (CsvRowReader rows = CsvRowReader.open(source)) {
            int index = rows.header().indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("cannot split by time on '" + column + "': " + source.name()
                        + " has no such column; its columns are " + rows.header());
            }
            while (rows.next()) {
                if (count % 4096 == 0) {
                    cancel.throwIfCancelled();
                }
                if (rows.record() == null || rows.problem() != null) {
                    continue;
                }
                double time = parser.parse(rows.record().get(index));
                if (!Double.isNaN(time)) {
                    if (count == times.length) {
                        times = Arrays.copyOf(times, times.length * 2);
                    }
                    times[count++] = time;
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "cannot split by time on '%s': no row of %s "
                    + "holds a time (numbers, or ISO-8601 dates and times)", column, source.name()));
        }
        double[] found = Arrays.copyOf(times, count);
        Arrays.sort(found);
        double[] cutoffs = new double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            cutoffs[i] = cutoff(found, fractions[i]);
        }
        return cutoffs;
    }

    /** The time of the last training row when the latest {@code round(n * fraction)} rows are validation. */
    static double cutoff(double[] times, double validationFraction) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        long validation = Math.round(sorted.length * validationFraction);
        int lastTraining = (int) Math.max(0, sorted.length - validation - 1);
        return validation == 0 ? sorted[sorted.length - 1] : sorted[lastTraining];
    }
}
