package me.adsby.workbench.engine.input;

import java.util.Locale;

/**
 * A column whose values are on both sides of a split: the same ad, user or image in training and in
 * validation, so validation scores it on what it has seen.
 *
 * @param column          the column
 * @param sharedValues    distinct values that occur in both training and validation rows
 * @param distinctValues  distinct values in the file (of the rows prepared)
 * @param validationRows  validation rows whose value also occurs in training
 */
public record LeakageFinding(String column, long sharedValues, long distinctValues, long validationRows) {

    /** A sentence for the run's log and notices, with the split kind that avoids the leak. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %,d of %,d values are on both sides of the split (%,d validation rows "
                + "share a %s with training rows); --split group:%s keeps each on one side", column, sharedValues,
                distinctValues, validationRows, column, column);
    }
}
