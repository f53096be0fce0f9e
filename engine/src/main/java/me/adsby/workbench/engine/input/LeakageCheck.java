package me.adsby.workbench.engine.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds identifier-like columns whose values fall on both sides of a split, while the rows are prepared. Each
 * watched column keeps a 64-bit hash of its text per row and side (8 bytes a row and column); {@link #findings}
 * sorts both sides and counts the values they share. Hash collisions could only overstate a leak, at odds of
 * about n^2 / 2^64. Not thread-safe.
 */
final class LeakageCheck {

    private final List<String> names;
    private final int[] columns;
    private final long[][] train;
    private final long[][] validation;
    private final int[] trainCount;
    private final int[] validationCount;

    /**
     * @param names   the watched columns' names
     * @param columns their indices in the row
     */
    LeakageCheck(List<String> names, int[] columns) {
        this.names = List.copyOf(names);
        this.columns = columns.clone();
        this.train = new long[columns.length][256];
        this.validation = new long[columns.length][256];
        this.trainCount = new int[columns.length];
        this.validationCount = new int[columns.length];
    }

    boolean watches() {
        return columns.length > 0;
    }

    int[] columns() {
        return columns.clone();
    }

    /** Records one prepared row's watched cells (in the order of {@link #columns()}) on its side. */
    void add(Split split, String[] cells) {
        for (int k = 0; k < columns.length; k++) {
            long hash = SplitSettings.textKey(cells[k].strip());
            if (split == Split.TRAIN) {
                train[k] = append(train[k], trainCount[k]++, hash);
            } else {
                validation[k] = append(validation[k], validationCount[k]++, hash);
            }
        }
    }

    /** The watched columns with values on both sides, in the order watched. */
    List<LeakageFinding> findings() {
        List<LeakageFinding> found = new ArrayList<>();
        for (int k = 0; k < columns.length; k++) {
            long[] t = Arrays.copyOf(train[k], trainCount[k]);
            long[] v = Arrays.copyOf(validation[k], validationCount[k]);
            Arrays.sort(t);
            Arrays.sort(v);
            long shared = 0;
            long sharedRows = 0;
            long distinct = 0;
            int i = 0;
            int j = 0;
            while (i < t.length || j < v.length) {
                long next = j >= v.length || (i < t.length && t[i] <= v[j]) ? t[i] : v[j];
                int inTrain = 0;
                int inValidation = 0;
                while (i < t.length && t[i] == next) {
                    i++;
                    inTrain++;
                }
                while (j < v.length && v[j] == next) {
                    j++;
                    inValidation++;
                }
                distinct++;
                if (inTrain > 0 && inValidation > 0) {
                    shared++;
                    sharedRows += inValidation;
                }
            }
            if (shared > 0) {
                found.add(new LeakageFinding(names.get(k), shared, distinct, sharedRows));
            }
        }
        return found;
    }

    private static long[] append(long[] values, int at, long value) {
        long[] target = at < values.length ? values : Arrays.copyOf(values, values.length * 2);
        target[at] = value;
        return target;
    }
}
