package me.adsby.workbench.storage.dataset.schema;

import java.util.Locale;

/**
 * The role of a column that is neither the label nor the image, from its evidence over the whole file, with a
 * reason for people whenever the role is not FEATURE. In this order:
 * <ol>
 * <li>Named like an identifier ({@code id}, {@code pid}, {@code uid}, {@code *_id}, {@code *-id}, {@code *Id}):
 * KEY when no value repeats (every row has one), GROUP when values repeat and there are at least
 * {@value #MIN_GROUP_DISTINCT} of them and at least the square root of the rows (the ads of a log, its users);
 * with fewer it is an ordinary categorical feature (a few dozen campaigns over thousands of rows, each value
 * seen often enough to learn from).</li>
 * <li>Named like a time ({@code time}, {@code timestamp}, {@code ts}, {@code date}, {@code *_time},
 * {@code *_at}, ...) with numbers or dates only: TIME.</li>
 * <li>Strings (not numbers) that read as free text: mostly with blanks, 20 characters long on average, and
 * more than half of them distinct: type TEXT, IGNORED.</li>
 * <li>Strings, at least {@value #MIN_ROWS_FOR_UNIQUE} of them, unique: KEY; near-unique (at least 95% distinct)
 * but repeating: GROUP. Numbers are measurements unless named like identifiers, however many values they take.</li>
 * <li>Strings of high cardinality (more than {@value ColumnEvidence#DISTINCT_LIMIT} distinct, or more than
 * {@value #MANY_LEVELS} and more than half of the values distinct): type TEXT, IGNORED.</li>
 * <li>Else FEATURE.</li>
 * </ol>
 */
final class RoleRules {

    static final int MIN_GROUP_DISTINCT = 20;
    static final int MIN_ROWS_FOR_UNIQUE = 100;
    static final int MANY_LEVELS = 1_000;

    /** What the rules decided. */
    record Decision(ColumnType type, ColumnRole role, String reason) {
    }

    private RoleRules() {
    }

    static Decision decide(ColumnEvidence e, long rows) {
        ColumnType type = e.type();
        if (e.idName && e.present > 0) {
            if (e.unique() && e.missing == 0) {
                return new Decision(type, ColumnRole.KEY, keyReason(e, rows));
            }
            if (!e.unique() && (e.overflowed() || e.distinct() >= Math.max(MIN_GROUP_DISTINCT, Math.sqrt(rows)))) {
                return new Decision(type, ColumnRole.GROUP, e.name + ": " + counted(e, rows) + ", repeats: group");
            }
        }
        if (e.timeName && e.timeValues()) {
            return new Decision(type, ColumnRole.TIME, e.name + ": named like a time and holds "
                    + (type.numeric() ? "numbers" : "dates") + ": time");
        }
        if (type != ColumnType.CATEGORICAL) {
            return new Decision(type, ColumnRole.FEATURE, "");
        }
        if (e.freeText() && e.distinct() * 2 > e.present) {
            return new Decision(ColumnType.TEXT, ColumnRole.IGNORED, e.name
                    + ": free text (most values hold blanks and are long), " + counted(e, rows)
                    + ": text, not a feature unless chosen");
        }
        if (e.present >= MIN_ROWS_FOR_UNIQUE || e.overflowed()) {
            if (e.unique() && e.missing == 0) {
                return new Decision(type, ColumnRole.KEY, keyReason(e, rows));
            }
            if (!e.overflowed() && e.distinct() * 100 >= e.present * 95) {
                return new Decision(type, ColumnRole.GROUP, e.name + ": " + counted(e, rows)
                        + ", nearly all distinct but some repeat: group");
            }
        }
        if (e.overflowed() || e.distinct() > MANY_LEVELS && e.distinct() * 2 > e.present) {
            return new Decision(ColumnType.TEXT, ColumnRole.IGNORED, e.name + ": " + counted(e, rows)
                    + ", too many to be levels: text, not a feature unless chosen");
        }
        return new Decision(type, ColumnRole.FEATURE, "");
    }

    private static String keyReason(ColumnEvidence e, long rows) {
        return e.name + ": " + counted(e, rows) + (e.overflowed() ? ", none repeated while counted: key"
                : ", never repeats: key");
    }

    /** {@code 281 distinct values over 2,865 rows}, or what is known when counting stopped. */
    static String counted(ColumnEvidence e, long rows) {
        String over = e.missing == 0 ? " over " + number(rows) + " rows"
                : " in " + number(e.present) + " of " + number(rows) + " rows";
        if (e.overflowed()) {
            return "more than " + number(e.distinct() - 1) + " distinct values" + over;
        }
        return number(e.distinct()) + (e.distinct() == 1 ? " distinct value" : " distinct values") + over;
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
