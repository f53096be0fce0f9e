package me.adsby.workbench.storage.dataset.schema;

import java.util.Locale;

/**
 * What one pass over a whole file says of one column, in bounded memory. The type widens as values are read:
 * it is always the narrowest of BINARY, INTEGER, FLOAT, IMAGE and CATEGORICAL that holds every value read so
 * far (so a 0/1 column that holds a 4 on its 1,500th row is INTEGER from then on). Distinct values are counted
 * up to a limit ({@link DistinctValues}); numbers feed a {@link NumericProfile} while the column is numeric.
 * Not thread-safe.
 */
final class ColumnEvidence {

    /** Distinct values counted for a column named like an identifier. */
    static final int ID_DISTINCT_LIMIT = 200_000;
    /** Distinct values counted for other columns: more than this is high-cardinality. */
    static final int DISTINCT_LIMIT = 20_000;

    final String name;
    final boolean idName;
    final boolean labelName;
    final boolean timeName;
    private final NumberParser numbers = new NumberParser();
    private final DistinctValues distinct;
    private NumericProfile profile = new NumericProfile();
    long present;
    long missing;
    private boolean binary = true;
    private boolean integer = true;
    private boolean number = true;
    private boolean image = true;
    private boolean dates = true;
    private long withBlanks;
    private long length;
    long firstNotBinaryLine = -1;
    String firstNotBinaryValue;
    long notBinary;

    ColumnEvidence(String name) {
        this.name = name;
        this.idName = idLike(name);
        this.labelName = LabelNames.matches(name);
        this.timeName = timeLike(name);
        this.distinct = new DistinctValues(idName ? ID_DISTINCT_LIMIT : DISTINCT_LIMIT);
    }

    /** Counts one cell, read at {@code line}. */
    void see(String value, long line) {
        if (Values.isMissing(value)) {
            missing++;
            return;
        }
        present++;
        distinct.add(value.strip());
        if (Values.binary(value) == Values.NOT_BINARY) {
            binary = false;
            notBinary++;
            if (firstNotBinaryLine < 0) {
                firstNotBinaryLine = line;
                firstNotBinaryValue = value;
            }
        }
        if (number) {
            number = numbers.parse(value);
            integer &= number && numbers.integral();
            if (number) {
                profile.add(numbers.value());
            } else {
                profile = null;
            }
        }
        if (image) {
            image = Values.isImage(value);
        }
        if (!number) {
            length += value.length();
            if (value.strip().indexOf(' ') > 0) {
                withBlanks++;
            }
            dates &= looksLikeDate(value.strip());
        }
    }

    /** The narrowest type that holds every value read. */
    ColumnType type() {
        if (present == 0) {
            return ColumnType.CATEGORICAL;
        }
        if (binary) {
            return ColumnType.BINARY;
        }
        if (integer) {
            return ColumnType.INTEGER;
        }
        if (number) {
            return ColumnType.FLOAT;
        }
        return image ? ColumnType.IMAGE : ColumnType.CATEGORICAL;
    }

    /** The default transform of a numeric column, NONE for others. */
    NumericTransform transform() {
        return type().numeric() ? profile.transform() : NumericTransform.NONE;
    }

    long distinct() {
        return distinct.distinct();
    }

    boolean unique() {
        return distinct.repeats() == 0;
    }

    boolean overflowed() {
        return distinct.overflowed();
    }

    /** Whether most values hold blanks and are long: sentences rather than levels. */
    boolean freeText() {
        long strings = present;
        return strings > 0 && withBlanks * 2 >= strings && length >= 20 * strings;
    }

    /** Whether every value is a number or starts like a date (2026-01-31, 2026/01/31). */
    boolean timeValues() {
        return present > 0 && (number || dates);
    }

    static boolean idLike(String name) {
        String n = name.strip();
        String lower = n.toLowerCase(Locale.ROOT);
        return lower.equals("id") || lower.equals("pid") || lower.equals("uid") || lower.endsWith("_id")
                || lower.endsWith("-id") || n.length() > 2 && n.endsWith("Id") && Character.isLowerCase(n.charAt(n.length() - 3));
    }

    static boolean timeLike(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.equals("time") || lower.equals("timestamp") || lower.equals("ts") || lower.equals("date")
                || lower.equals("datetime") || lower.endsWith("_time") || lower.endsWith("_timestamp")
                || lower.endsWith("_ts") || lower.endsWith("_date") || lower.endsWith("_at");
    }

    private static boolean looksLikeDate(String v) {
        if (v.length() < 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = v.charAt(i);
            boolean separator = i == 4 || i == 7;
            if (separator ? c != '-' && c != '/' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
