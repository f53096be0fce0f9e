package me.adsby.workbench.engine.run;

import java.util.Locale;
import java.util.Objects;

/**
 * How a run asks for its validation examples (and its test examples) to be chosen. Part of the run's spec;
 * the worker resolves it into the split it trains on ({@link TrainingSplits}) and records what it resolved to.
 *
 * <ul>
 *   <li>{@code auto} (the default): random by row, unless an identifier-like column repeats across the two sides;
 *       then by group on the first such column, and the run says so;</li>
 *   <li>{@code random}: by a hash of the row number (of the key column's text when the schema has one);</li>
 *   <li>{@code group:COLUMN}: every row of one value of the column on one side;</li>
 *   <li>{@code time:COLUMN}: training on the past, validation on the latest share of the rows;</li>
 *   <li>with {@code validationData}: the whole dataset trains, and that file validates.</li>
 * </ul>
 *
 * @param kind               auto, random, group or time (ignored with {@code validationData})
 * @param column             the group or time column; null for auto and random
 * @param validationFraction the share of rows for validation, in (0, 1); 0 with {@code validationData}
 * @param seed               the split's own seed (not the model's), for auto, random and group
 * @param validationData     a separate validation file, or null
 * @param testData           a held-out test file scored once with the exported model, or null
 * @param testFraction       the share of the dataset's rows held out as test rows, chosen as the split chooses
 *                           validation rows (the latest rows for a time split), scored once with the exported
 *                           model; in [0, 0.5], 0 with {@code testData}
 * @param folds              for a run that is one fold of a K-fold split, K (2..20); else 0
 * @param fold               which fold validates, 1..K; 0 without folds. The folds split the rows below the test
 *                           part into K equal key ranges ({@code validationFraction = (1 - testFraction) / K})
 */
public record SplitPlan(String kind, String column, double validationFraction, long seed, String validationData,
        String testData, double testFraction, int folds, int fold) {

    /** The most folds. */
    public static final int MAX_FOLDS = 20;

    /** Without a held-out share of the rows. */
    public SplitPlan(String kind, String column, double validationFraction, long seed, String validationData,
            String testData) {
        this(kind, column, validationFraction, seed, validationData, testData, 0.0);
    }

    /** Without folds. */
    public SplitPlan(String kind, String column, double validationFraction, long seed, String validationData,
            String testData, double testFraction) {
        this(kind, column, validationFraction, seed, validationData, testData, testFraction, 0, 0);
    }

    /** The split seed by default. */
    public static final long DEFAULT_SEED = 42L;

    public SplitPlan {
        kind = Objects.requireNonNull(kind, "kind").toLowerCase(Locale.ROOT);
        if (!kind.equals("auto") && !kind.equals("random") && !kind.equals("group") && !kind.equals("time")) {
            throw new IllegalArgumentException("the split must be auto, random, group:COLUMN or time:COLUMN, not '" + kind + "'");
        }
        boolean needsColumn = kind.equals("group") || kind.equals("time");
        if (needsColumn && (column == null || column.isBlank())) {
            throw new IllegalArgumentException("a " + kind + " split names its column: --split " + kind + ":COLUMN");
        }
        if (!needsColumn) {
            column = null;
        }
        if (validationData != null) {
            if (validationFraction != 0) {
                throw new IllegalArgumentException("with a validation file, the validation fraction must be 0 (every row of "
                        + "the dataset trains), was " + validationFraction);
            }
        } else if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be between 0 and 1 (exclusive), was "
                    + validationFraction + (validationFraction == 0 ? "; 0 needs a validation file (--validation-data)" : ""));
        }
        if (!(testFraction >= 0 && testFraction <= 0.5)) {
            throw new IllegalArgumentException("the test fraction must be between 0 and 0.5, was " + testFraction);
        }
        if (testFraction > 0 && testData != null) {
            throw new IllegalArgumentException("give a test file or a test fraction, not both");
        }
        if (folds != 0 || fold != 0) {
            if (folds < 2 || folds > MAX_FOLDS || fold < 1 || fold > folds) {
                throw new IllegalArgumentException("folds must be 2 to " + MAX_FOLDS + " and the fold 1 to that many, was fold "
                        + fold + " of " + folds);
            }
            if (kind.equals("time") || validationData != null) {
                throw new IllegalArgumentException("folds split by a key (auto, random or group:COL); a time split validates"
                        + " on its latest rows and a validation file is one fold already");
            }
            if (Math.abs(validationFraction - (1 - testFraction) / folds) > 1e-9) {
                throw new IllegalArgumentException("with " + folds + " folds the validation fraction is (1 - test fraction) / "
                        + folds + " = " + (1 - testFraction) / folds + ", was " + validationFraction);
            }
        } else if (validationFraction + testFraction >= 0.9) {
            throw new IllegalArgumentException("the validation fraction " + validationFraction + " and the test fraction "
                    + testFraction + " leave under 10% of the rows to train");
        }
    }

    /** A copy that holds out {@code fraction} of the rows as test rows. */
    public SplitPlan withTestFraction(double fraction) {
        return new SplitPlan(kind, column, validationFraction, seed, validationData, testData, fraction, folds, fold);
    }

    /** The plan of fold {@code fold} (1..K) of a K-fold split of these rows, each fold validating on a K-th of them. */
    public SplitPlan fold(int fold, int folds) {
        return new SplitPlan(kind, column, (1 - testFraction) / folds, seed, validationData, testData, testFraction, folds,
                fold);
    }

    /** Where this fold's validation key range starts: {@code (fold - 1) * validationFraction}; 0 without folds. */
    public double validationStart() {
        return fold == 0 ? 0 : (fold - 1) * validationFraction;
    }

    /** auto, 20% validation, seed 42. */
    public static SplitPlan defaults() {
        return new SplitPlan("auto", null, 0.2, DEFAULT_SEED, null, null);
    }

    /**
     * Parses {@code auto}, {@code random}, {@code group:COLUMN} or {@code time:COLUMN}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SplitPlan parse(String text, double validationFraction, long seed, String validationData,
            String testData) {
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        String kind = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String column = colon < 0 ? null : trimmed.substring(colon + 1).strip();
        if (colon >= 0 && !kind.equalsIgnoreCase("group") && !kind.equalsIgnoreCase("time")) {
            throw new IllegalArgumentException("only group: and time: splits name a column, not '" + text + "'");
        }
        return new SplitPlan(kind, column, validationFraction, seed, validationData, testData);
    }

    /** For people: {@code auto}, {@code group:ad_id}, {@code validation file gs://...}. */
    public String describe() {
        if (validationData != null) {
            return "validation file " + validationData;
        }
        String split = column == null ? kind : kind + ":" + column;
        return folds == 0 ? split : split + ", fold " + fold + " of " + folds;
    }

    /**
     * The name the held-out test rows of {@code dataset} go by in the history: the same plan on the same file
     * holds out the same rows, so runs evaluated under one name were evaluated on the same rows.
     */
    public String heldOutName(String dataset) {
        return String.format(Locale.ROOT, "%s#test(%s, %s of the rows, split seed %d)", dataset, describe(),
                percent(testFraction), seed);
    }

    /** {@code 0.15} as {@code 15%}. */
    static String percent(double fraction) {
        return new java.math.BigDecimal(Double.toString(fraction * 100)).stripTrailingZeros().toPlainString() + "%";
    }

    /** Whether some of the dataset's rows are held out as test rows. */
    public boolean holdsOutTest() {
        return testFraction > 0;
    }
}
