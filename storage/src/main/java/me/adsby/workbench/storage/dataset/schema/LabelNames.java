package me.adsby.workbench.storage.dataset.schema;

import java.util.List;
import java.util.Locale;

import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;

/**
 * The names that say "this column is the label", case-insensitive: {@code clicked}, {@code click},
 * {@code is_click}, {@code label}, {@code target}, {@code y}, {@code converted} (preferred in that order), then
 * any {@code label_*} or {@code *_label} (such as {@code label_positive}, {@code target_label}), in header order.
 */
public final class LabelNames {

    private static final List<String> EXACT = List.of("clicked", "click", "is_click", "label", "target", "y",
            "converted");

    private LabelNames() {
    }

    /** Whether the name says label. */
    public static boolean matches(String name) {
        return preference(name) >= 0;
    }

    /** 0 for the most preferred name, larger for less preferred ones, -1 when the name is not a label's. */
    public static int preference(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        int exact = EXACT.indexOf(lower);
        if (exact >= 0) {
            return exact;
        }
        boolean affixed = lower.startsWith("label_") && lower.length() > 6
                || lower.endsWith("_label") && lower.length() > 6;
        return affixed ? EXACT.size() : -1;
    }

    /**
     * The problem of a column named like a label whose values are not binary, at the first line where one is not.
     *
     * @param others how many more values of the column are not binary
     */
    public static RowProblem notBinary(String file, long line, String column, String value, long others) {
        String shown = value.length() <= 60 ? value : value.substring(0, 57) + "...";
        String more = others <= 0 ? "" : others == 1 ? " (and 1 more value that is not binary)"
                : " (and " + RoleRules.number(others) + " more values that are not binary)";
        return new RowProblem(file, line, ProblemKind.LABEL_NOT_BINARY, "column '" + column
                + "' is named like a label but has '" + shown + "'" + more
                + "; a label is 0/1, true/false or yes/no: fix the values, or give the column another role");
    }
}
