package me.adsby.workbench.engine.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which categorical values get a weight of their own, per categorical column: those seen on at least
 * {@code minCount} training rows ({@link Hyperparameters#minCount()}), the {@value #MAX_PER_COLUMN} most frequent
 * at most. Every other value of a column shares the column's <b>rare</b> row, and the empty value (missing) has
 * its own <b>missing</b> row, so a value first seen in serving gets what rare values learned instead of a hash
 * bucket it shares with a frequent value. Column {@code j} owns {@link #rows(int)} consecutive rows of each
 * categorical table from {@link #offset(int)}: the rare row, the missing row, then its frequent values.
 *
 * <p>{@link #hashed()} is the vocabulary of a definition that has none: every value is then hashed into
 * {@link Hyperparameters#hashBuckets()} buckets, as before vocabularies existed.
 *
 * @param frequent per categorical column, its frequent non-empty values (most frequent first, ties by value);
 *                 null for {@link #hashed()}
 * @param minCount the least count of a frequent value
 */
public record CategoryVocabulary(List<List<String>> frequent, int minCount) {

    /** The most values of one column that get their own row. */
    public static final int MAX_PER_COLUMN = 100_000;

    /** A column's rows before its frequent values: rare, then missing. */
    static final int RESERVED_ROWS = 2;
    static final int RARE_ROW = 0;
    static final int MISSING_ROW = 1;

    private static final CategoryVocabulary HASHED = new CategoryVocabulary(null, 0);

    public CategoryVocabulary {
        if (frequent != null) {
            List<List<String>> copy = new ArrayList<>();
            for (List<String> column : frequent) {
                if (column.contains("")) {
                    throw new IllegalArgumentException("The empty value is missing, never a frequent value");
                }
                copy.add(List.copyOf(column));
            }
            frequent = List.copyOf(copy);
        }
    }

    /** No vocabulary: every value is hashed. */
    public static CategoryVocabulary hashed() {
        return HASHED;
    }

    /**
     * The vocabulary of training-split value counts, one map per categorical column (see
     * {@code PreparedDataset#trainingValueCounts}); the empty value is never frequent.
     */
    public static CategoryVocabulary of(List<Map<String, Long>> counts, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1 for a vocabulary, was " + minCount);
        }
        Comparator<Map.Entry<String, Long>> order = Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey());
        List<List<String>> frequent = new ArrayList<>();
        for (Map<String, Long> column : counts) {
            frequent.add(column.entrySet().stream()
                    .filter(e -> !e.getKey().isEmpty() && e.getValue() >= minCount)
                    .sorted(order).limit(MAX_PER_COLUMN).map(Map.Entry::getKey).toList());
        }
        return new CategoryVocabulary(frequent, minCount);
    }

    /** Whether values are hashed (no vocabulary). */
    public boolean isHashed() {
        return frequent == null;
    }

    /** How many categorical columns the vocabulary describes (0 when hashed). */
    public int columns() {
        return frequent == null ? 0 : frequent.size();
    }

    /** The rows column {@code j} owns: rare, missing and one per frequent value. */
    public long rows(int j) {
        return RESERVED_ROWS + frequent.get(j).size();
    }

    /** The first row of column {@code j}. */
    public long offset(int j) {
        long offset = 0;
        for (int i = 0; i < j; i++) {
            offset += rows(i);
        }
        return offset;
    }

    /** The rows of all columns together: the height of each categorical table. */
    public long totalRows() {
        return offset(frequent.size());
    }
}
