package me.adsby.workbench.engine.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.NumericTransform;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.stats.ColumnStatistics;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.LabelBalance;

/**
 * What a run's statistics pass decides before it prepares anything: which feature columns are left out of the
 * model and why, which numeric columns the model reads through {@code log1p}, and whether the label can train.
 *
 * <ul>
 *   <li>Left out: a column missing in every row; a constant column (one value in every row that has one); a
 *       text column with more distinct values than half the rows (an identifier, not a category).</li>
 *   <li>Numeric transforms are the schema's ({@link NumericTransform}: inference picks {@code LOG1P} for
 *       non-negative heavy-tailed columns, and a person may change it): {@code log1p} columns are read through
 *       {@code log1p} then standardised, {@code NONE} columns as they are, the others standardised.</li>
 *   <li>A label with one class only refuses to train, naming the label and its value.</li>
 * </ul>
 *
 * @param dropped by column, in schema order: why it is left out
 * @param log1p   the numeric columns read through {@code log1p}
 * @param raw     the numeric columns read as they are (transform NONE)
 */
record FeaturePlan(Map<String, String> dropped, Set<String> log1p, Set<String> raw) {

    FeaturePlan {
        dropped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
        log1p = java.util.Collections.unmodifiableSet(new TreeSet<>(log1p));
        raw = java.util.Collections.unmodifiableSet(new TreeSet<>(raw));
    }

    /**
     * @throws IllegalArgumentException when the label has one class (or none)
     */
    static FeaturePlan of(DatasetStatistics statistics, Schema schema, String label) {
        requireTwoClasses(statistics, label);
        Map<String, String> dropped = new LinkedHashMap<>();
        Set<String> log1p = new TreeSet<>();
        Set<String> raw = new TreeSet<>();
        for (ColumnSchema column : schema.columns()) {
            if (column.role() != ColumnRole.FEATURE || column.name().equals(label)) {
                continue;
            }
            ColumnStatistics stats = statistics.column(column.name()).orElse(null);
            if (stats == null) {
                continue;
            }
            String reason = reason(stats, column, statistics.goodRows());
            if (reason != null) {
                dropped.put(column.name(), reason);
            } else if (column.type().numeric() && column.transform() == NumericTransform.LOG1P) {
                log1p.add(column.name());
            } else if (column.type().numeric() && column.transform() == NumericTransform.NONE) {
                raw.add(column.name());
            }
        }
        return new FeaturePlan(dropped, log1p, raw);
    }

    private static String reason(ColumnStatistics stats, ColumnSchema column, long rows) {
        if (stats.present() == 0) {
            return String.format(Locale.ROOT, "missing in every one of the %,d rows", rows);
        }
        if (stats.distinct().value() == 1 && !stats.distinct().estimated()) {
            String value = stats.numeric() != null ? number(stats.numeric().min())
                    : stats.categorical() != null && !stats.categorical().values().isEmpty()
                    ? "'" + stats.categorical().values().get(0).value() + "'" : "one value";
            return String.format(Locale.ROOT, "constant: %s in all %,d rows that have a value", value, stats.present());
        }
        boolean text = column.type() == ColumnType.CATEGORICAL;
        if (text && stats.distinct().value() > rows / 2) {
            return String.format(Locale.ROOT, "%s%,d distinct values over %,d rows: an identifier, not a category",
                    stats.distinct().estimated() ? "about " : "", stats.distinct().value(), rows);
        }
        return null;
    }

    private static void requireTwoClasses(DatasetStatistics statistics, String label) {
        LabelBalance balance = statistics.label();
        if (balance == null) {
            return;
        }
        if (balance.positives() == 0 || balance.negatives() == 0) {
            long rows = balance.positives() + balance.negatives();
            String value = rows == 0 ? "no value" : balance.positives() == 0 ? "only the value 0" : "only the value 1";
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the label '%s' has %s in the %,d labelled rows "
                    + "of %s; a model needs both clicks and non-clicks", label, value, rows, statistics.file()));
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
