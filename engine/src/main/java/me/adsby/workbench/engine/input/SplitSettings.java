package me.adsby.workbench.engine.input;

import java.util.Locale;

/**
 * How a dataset is split into training and validation examples, deterministically: each row's key (its row
 * number, 1 = the first data row, or the text of a key column) is hashed with the seed by a 64-bit mix
 * (SplitMix64's finaliser) and mapped to a number in [0, 1); the row is a validation example when that number
 * is below {@code validationFraction}. The same key always lands in the same split, whatever the order of the
 * file, the batch size or the number of threads. A key column's cell is taken as text, stripped of surrounding
 * blanks ({@code 12} and {@code 12.0} are different keys; a missing cell is the key {@code ""}).
 *
 * @param keyColumn          the column whose text is the key, or null to key rows by their row number
 * @param validationFraction the expected share of validation examples, in [0, 1)
 * @param seed               changes which rows land in which split
 */
public record SplitSettings(String keyColumn, double validationFraction, long seed) {

    /** The usual share of validation examples. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

    /** The usual seed. */
    public static final long DEFAULT_SEED = 42L;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final double UNIT = 0x1.0p-53;

    public SplitSettings {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1), was " + validationFraction);
        }
        if (keyColumn != null && keyColumn.isBlank()) {
            throw new IllegalArgumentException("keyColumn must be null (the row number) or a column name");
        }
    }

    /** Rows keyed by row number, 20% validation, seed 42. */
    public static SplitSettings defaults() {
        return new SplitSettings(null, DEFAULT_VALIDATION_FRACTION, DEFAULT_SEED);
    }

    /** The split of the row with this number (used when there is no key column). */
    public Split ofRow(long row) {
        return ofKey(row);
    }

    /** The split of a row whose key column holds {@code text}. */
    public Split ofText(String text) {
        return ofKey(textKey(text.strip()));
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

    /** A stable text of these settings, part of the prepared cache's key. */
    String fingerprint() {
        return String.format(Locale.ROOT, "split:key=%s;fraction=%s;seed=%d",
                keyColumn == null ? "<row>" : "'" + keyColumn + "'", Double.toString(validationFraction), seed);
    }
}
