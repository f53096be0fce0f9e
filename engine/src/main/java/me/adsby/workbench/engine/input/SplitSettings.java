package me.adsby.workbench.engine.input;

import java.util.Locale;
import java.util.Objects;

/**
 * How one file is split into training and validation examples, deterministically.
 *
 * <p>{@link SplitKind#RANDOM} and {@link SplitKind#GROUP}: each row's key (its row number, 1 = the first data
 * row, or the text of {@code column}) is hashed with the seed by a 64-bit mix (SplitMix64's finaliser) and
 * mapped to a number in [0, 1); the row is a validation example when that number is below
 * {@code validationFraction}. The same key always lands in the same split, whatever the order of the file, the
 * batch size or the number of threads, so every row of a group is on one side. A column's cell is taken as text,
 * stripped of surrounding blanks ({@code 12} and {@code 12.0} are different keys; a missing cell is the key
 * {@code ""}).
 *
 * <p>{@link SplitKind#TIME}: a row whose time ({@link TimeValues}) is after {@code timeCutoff} is a validation
 * example; the cutoff is chosen beforehand ({@link TimeCutoff}) so that about {@code validationFraction} of the
 * rows are after it. The seed plays no part.
 *
 * <p>A held-out <b>test</b> part ({@code testFraction} above 0) is taken the same way: a random or group key whose
 * number is at least {@code 1 - testFraction}, or a time after {@code testCutoff} (the latest rows; validation is
 * then the rows between the two cutoffs). Preparing for training leaves the test rows out; {@link #heldOut()}
 * settings keep only them, as training examples, to score them once with the finished model.
 *
 * <p>The seed is the split's own, not the model's: training the same split with other model seeds compares
 * models on the same validation rows.
 *
 * @param kind               how rows are assigned
 * @param column             the key, group or time column; null (RANDOM only) to key rows by their row number
 * @param validationFraction the expected share of validation examples, in [0, 1); 0 puts every row in training
 * @param seed               changes which rows land in which split (RANDOM and GROUP)
 * @param timeCutoff         TIME only: the latest time that is still training, as {@link TimeValues} numbers
 * @param testFraction       the expected share of held-out test rows, in [0, 0.5]; 0 holds none out
 * @param testCutoff         TIME with a test part only: the latest time that is not test
 * @param testOnly           whether these settings keep the test rows only (see {@link #heldOut()})
 * @param validationStart    RANDOM and GROUP: where the validation keys' numbers start, so that validation is
 *                           {@code [validationStart, validationStart + validationFraction)}; 0 but for a fold of a
 *                           K-fold split, whose folds are consecutive such ranges below {@code 1 - testFraction}
 */
public record SplitSettings(SplitKind kind, String column, double validationFraction, long seed, double timeCutoff,
        double testFraction, double testCutoff, boolean testOnly, double validationStart) {

    /** The usual share of validation examples. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

    /** The usual seed. */
    public static final long DEFAULT_SEED = 42L;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final double UNIT = 0x1.0p-53;

    public SplitSettings {
        Objects.requireNonNull(kind, "kind");
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1), was " + validationFraction);
        }
        if (column != null && column.isBlank()) {
            throw new IllegalArgumentException("column must be null (the row number) or a column name");
        }
        if (kind != SplitKind.RANDOM && column == null) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase(Locale.ROOT) + " split needs a column");
        }
        if (kind == SplitKind.TIME && Double.isNaN(timeCutoff)) {
            throw new IllegalArgumentException("a time split needs its cutoff");
        }
        if (kind != SplitKind.TIME) {
            timeCutoff = Double.NaN;
        }
        if (!(testFraction >= 0 && testFraction <= 0.5 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in [0, 0.5] and leave rows to train, was "
                    + testFraction + " beside a validation fraction of " + validationFraction);
        }
        if (kind == SplitKind.TIME && testFraction > 0 && !(testCutoff >= timeCutoff)) {
            throw new IllegalArgumentException("a time split with a test part needs a test cutoff at or after the"
                    + " validation cutoff, was " + testCutoff + " before " + timeCutoff);
        }
        if (kind != SplitKind.TIME || testFraction == 0) {
            testCutoff = Double.NaN;
        }
        if (testOnly && testFraction == 0) {
            throw new IllegalArgumentException("settings that keep only the test rows need a test fraction");
        }
        if (!(validationStart >= 0) || validationStart + validationFraction > 1 - testFraction + 1e-9
                || (validationStart > 0 && kind == SplitKind.TIME)) {
            throw new IllegalArgumentException("validationStart must keep validation below the test part (and a time"
                    + " split validates on its latest rows), was " + validationStart);
        }
    }

    /** Without a fold. */
    public SplitSettings(SplitKind kind, String column, double validationFraction, long seed, double timeCutoff,
            double testFraction, double testCutoff, boolean testOnly) {
        this(kind, column, validationFraction, seed, timeCutoff, testFraction, testCutoff, testOnly, 0.0);
    }

    /** Without a test part. */
    public SplitSettings(SplitKind kind, String column, double validationFraction, long seed, double timeCutoff) {
        this(kind, column, validationFraction, seed, timeCutoff, 0.0, Double.NaN, false);
    }

    /** A random split: by row number when {@code keyColumn} is null, else by a hash of that column's text. */
    public SplitSettings(String keyColumn, double validationFraction, long seed) {
        this(SplitKind.RANDOM, keyColumn, validationFraction, seed, Double.NaN);
    }

    /** Rows keyed by row number, 20% validation, seed 42. */
    public static SplitSettings defaults() {
        return new SplitSettings(null, DEFAULT_VALIDATION_FRACTION, DEFAULT_SEED);
    }

    /** Every row in training: for scoring, or for a file whose validation examples come from another file. */
    public static SplitSettings allTraining() {
        return new SplitSettings(null, 0.0, 0L);
    }

    /** All rows of one value of {@code column} on one side. */
    public static SplitSettings group(String column, double validationFraction, long seed) {
        return new SplitSettings(SplitKind.GROUP, column, validationFraction, seed, Double.NaN);
    }

    /** These settings with a held-out test part of {@code fraction} (for TIME: the rows after {@code cutoff}). */
    public SplitSettings withTest(double fraction, double cutoff) {
        return new SplitSettings(kind, column, validationFraction, seed, timeCutoff, fraction, cutoff, false,
                validationStart);
    }

    /** These settings validating on the keys whose numbers are in {@code [start, start + validationFraction)}. */
    public SplitSettings withValidationStart(double start) {
        return new SplitSettings(kind, column, validationFraction, seed, timeCutoff, testFraction, testCutoff, testOnly,
                start);
    }

    /** The settings that prepare the held-out test rows alone, as training examples, keeping their row numbers. */
    public SplitSettings heldOut() {
        return new SplitSettings(kind, column, validationFraction, seed, timeCutoff, testFraction, testCutoff, true,
                validationStart);
    }

    /** Rows after {@code cutoff} in {@code column} are validation. */
    public static SplitSettings time(String column, double validationFraction, double cutoff) {
        return new SplitSettings(SplitKind.TIME, column, validationFraction, 0L, cutoff);
    }

    /** The key column (RANDOM with a column, GROUP, TIME), or null for the row number. */
    public String keyColumn() {
        return column;
    }

    /** The split of the row with this number (used when there is no column); null when it is not prepared. */
    public Split ofRow(long row) {
        return ofKey(row);
    }

    /** The split of a row whose column holds {@code text} (RANDOM and GROUP); null when it is not prepared. */
    public Split ofText(String text) {
        return ofKey(textKey(text.strip()));
    }

    /** The split of a row whose time is {@code time} (TIME); null when it is not prepared. */
    public Split ofTime(double time) {
        return prepared(testFraction > 0 && time > testCutoff ? Split.TEST
                : time > timeCutoff ? Split.VALIDATION : Split.TRAIN);
    }

    private Split ofKey(long key) {
        double unit = unit(seed, key);
        return prepared(testFraction > 0 && unit >= 1 - testFraction ? Split.TEST
                : unit >= validationStart && unit < validationStart + validationFraction ? Split.VALIDATION : Split.TRAIN);
    }

    /** Where a row of {@code part} goes in this preparation: test rows only in a held-out one, as training. */
    private Split prepared(Split part) {
        if (testOnly) {
            return part == Split.TEST ? Split.TRAIN : null;
        }
        return part == Split.TEST ? null : part;
    }

    /** The key's place in [0, 1) for this seed: 53 high bits of mix(mix(seed) + key * golden ratio). */
    static double unit(long seed, long key) {
        return (mix(mix(seed) + key * GOLDEN) >>> 11) * UNIT;
    }

    /** SplitMix64's finaliser: every input bit changes every output bit with probability about 1/2. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-16 units of the text: a 64-bit key for {@link #unit}. */
    static long textKey(String text) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** For people and records: {@code random}, {@code random by row_id}, {@code group:ad_id}, {@code time:day}. */
    public String describe() {
        return switch (kind) {
            case RANDOM -> column == null ? "random" : "random by " + column;
            case GROUP -> "group:" + column;
            case TIME -> "time:" + column;
        };
    }

    /** A stable text of these settings, part of the prepared cache's key. */
    String fingerprint() {
        String base = String.format(Locale.ROOT, "split:kind=%s;key=%s;fraction=%s;seed=%d;cutoff=%s", kind,
                column == null ? "<row>" : "'" + column + "'", Double.toString(validationFraction), seed,
                Double.toString(timeCutoff));
        String withStart = validationStart == 0 ? base : base + ";start=" + validationStart;
        return testFraction == 0 ? withStart : withStart + String.format(Locale.ROOT, ";test=%s;testCutoff=%s;testOnly=%s",
                Double.toString(testFraction), Double.toString(testCutoff), testOnly);
    }
}
