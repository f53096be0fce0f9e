package me.adsby.workbench.app.runs;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import me.adsby.workbench.engine.run.SplitPlan;
import me.adsby.workbench.engine.train.SelectionMetric;

/**
 * The New Run form's split and model-selection fields: the split kind (auto by default: random by row unless an
 * identifier-like column repeats, then by group on it), the group or time column, the split's own seed, and the
 * validation metric that chooses the exported epoch.
 */
public final class SplitForm {

    /** The kinds offered, as shown. */
    public enum Kind {
        AUTO("Auto (group by a repeating id)"), RANDOM("Random"), GROUP("Group by column"), TIME("Time: latest rows validate");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Whether this kind needs a column. */
        public boolean needsColumn() {
            return this == GROUP || this == TIME;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.AUTO);
    private final StringProperty column = new SimpleStringProperty();
    private final StringProperty seed = new SimpleStringProperty(Long.toString(SplitPlan.DEFAULT_SEED));
    private final ObjectProperty<SelectionMetric> selectBy = new SimpleObjectProperty<>(SelectionMetric.LOG_LOSS);

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty columnProperty() {
        return column;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<SelectionMetric> selectByProperty() {
        return selectBy;
    }

    /** The metrics offered for choosing the exported epoch. */
    public static List<SelectionMetric> selectionMetrics() {
        return List.of(SelectionMetric.values());
    }

    /**
     * The plan these fields describe with the given validation fraction.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    SplitPlan plan(double validationFraction) {
        Kind chosen = kind.get() == null ? Kind.AUTO : kind.get();
        String named = column.get() == null || column.get().isBlank() ? null : column.get().strip();
        if (chosen.needsColumn() && named == null) {
            throw new IllegalArgumentException("Choose the column to split by (" + chosen + ")");
        }
        long splitSeed;
        try {
            splitSeed = Long.parseLong(seed.get() == null ? "" : seed.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Split seed must be a whole number, was '" + seed.get() + "'");
        }
        return new SplitPlan(chosen.name().toLowerCase(Locale.ROOT), chosen.needsColumn() ? named : null,
                validationFraction, splitSeed, null, null);
    }

    SelectionMetric selection() {
        return selectBy.get() == null ? SelectionMetric.LOG_LOSS : selectBy.get();
    }
}
