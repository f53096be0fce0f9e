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
 * <p>The seed is the split's own, not the model's: training the same split with other model seeds compares
 * models on the same validation rows.
 *
 * @param kind               how rows are assigned
 * @param column             the key, group or time column; null (RANDOM only) to key rows by their row number
 * @param validationFraction the expected share of validation examples, in [0, 1); 0 puts every row in training
 * @param seed               changes which rows land in which split (RANDOM and GROUP)
 * @param timeCutoff         TIME only: the latest time that is still training, as {@link TimeValues} numbers
 */
public record SplitSettings(SplitKind kind, String column, double validationFraction, long seed, double timeCutoff) {

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

    /** Rows after {@code cutoff} in {@code column} are validation. */
    public static SplitSettings time(String column, double validationFraction, double cutoff) {
        return new SplitSettings(SplitKind.TIME, column, validationFraction, 0L, cutoff);
    }

    /** The key column (RANDOM with a column, GROUP, TIME), or null for the row number. */
    public String keyColumn() {
        return column;
    }

    /** The split of the row with this number (used when there is no column). */
    public Split ofRow(long row) {
        return ofKey(row);
    }

    /** The split of a row whose column holds {@code text} (RANDOM and GROUP). */
    public Split ofText(String text) {
        return ofKey(textKey(text.strip()));
    }

    /** The split of a row whose time is {@code time} (TIME). */
    public Split ofTime(double time) {
        return time > timeCutoff ? Split.VALIDATION : Split.TRAIN;
    }

    private Split ofKey(long key) {
        return unit(seed, key) < validationFraction ? Split.VALIDATION : Split.TRAIN;
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
        return String.format(Locale.ROOT, "split:kind=%s;key=%s;fraction=%s;seed=%d;cutoff=%s", kind,
                column == null ? "<row>" : "'" + column + "'", Double.toString(validationFraction), seed,
                Double.toString(timeCutoff));
    }
}
