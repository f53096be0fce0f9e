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
 * validation metric that chooses the exported epoch, a validation file, a test file or a test share of the rows, and
 * whether the exported model is calibrated.
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
    private final StringProperty validationData = new SimpleStringProperty("");
    private final StringProperty testData = new SimpleStringProperty("");
    private final StringProperty testFraction = new SimpleStringProperty("0");
    private final javafx.beans.property.BooleanProperty calibrate = new javafx.beans.property.SimpleBooleanProperty();
    private final StringProperty repeats = new SimpleStringProperty("1");
    private final StringProperty folds = new SimpleStringProperty("0");

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

    /** A separate validation file (the whole dataset then trains), or blank. */
    public StringProperty validationDataProperty() {
        return validationData;
    }

    /** A held-out test file scored once with the exported model, or blank. */
    public StringProperty testDataProperty() {
        return testData;
    }

    /** The share of the dataset's rows held out as test rows (0: none), chosen as validation rows are. */
    public StringProperty testFractionProperty() {
        return testFraction;
    }

    /** Whether the exported model is Platt-scaled on the validation examples. */
    public javafx.beans.property.BooleanProperty calibrateProperty() {
        return calibrate;
    }

    /** How many runs with seeds seed, seed + 1, ... to train as one group (1: a single run). */
    public StringProperty repeatsProperty() {
        return repeats;
    }

    /** K for a K-fold group of runs (0: no folds). */
    public StringProperty foldsProperty() {
        return folds;
    }

    /**
     * The group the request makes (repeats or folds), or null for a single run.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    me.adsby.workbench.engine.run.RunGroup group(me.adsby.workbench.engine.run.RunRequest request) {
        int repeated = FormNumbers.whole("Repeats", repeats);
        int folded = FormNumbers.whole("Folds", folds);
        if (repeated > 1 && folded > 1) {
            throw new IllegalArgumentException("Choose repeats or folds, not both");
        }
        if (folded == 1 || folded > SplitPlan.MAX_FOLDS) {
            throw new IllegalArgumentException("Folds must be 0 (none) or 2 to " + SplitPlan.MAX_FOLDS + ", was " + folded);
        }
        if (folded > 1) {
            if (request.split().validationData() != null) {
                throw new IllegalArgumentException("Folds choose the validation rows themselves: clear the validation file");
            }
            return me.adsby.workbench.engine.run.RunGroup.folds(request, folded);
        }
        return repeated > 1 ? me.adsby.workbench.engine.run.RunGroup.repeats(request, repeated) : null;
    }

    /** A selection metric in words: {@code validation log loss}, {@code validation AUC}, {@code validation PR AUC}. */
    public static String describe(SelectionMetric metric) {
        return switch (metric) {
            case LOG_LOSS -> "validation log loss";
            case AUC -> "validation AUC";
            case PR_AUC -> "validation PR AUC";
        };
    }

    /** The metrics offered for choosing the exported epoch. */
    public static List<SelectionMetric> selectionMetrics() {
        return List.of(SelectionMetric.values());
    }

    /**
     * The plan these fields describe with the given validation fraction (ignored with a validation file).
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    SplitPlan plan(double validationFraction) {
        String validationFile = uri("Validation file", validationData.get());
        String testFile = uri("Test file", testData.get());
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
        double heldOut = FormNumbers.number("Test share", testFraction);
        if (heldOut > 0 && testFile != null) {
            throw new IllegalArgumentException("Give a test file or a test share of the rows, not both");
        }
        return new SplitPlan(chosen.name().toLowerCase(Locale.ROOT), chosen.needsColumn() ? named : null,
                validationFile == null ? validationFraction : 0, splitSeed, validationFile, testFile, heldOut);
    }

    /** The file's URI as the run records it, or null when blank. */
    private static String uri(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return me.adsby.workbench.storage.blob.BlobUri.parse(typed.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    SelectionMetric selection() {
        return selectBy.get() == null ? SelectionMetric.LOG_LOSS : selectBy.get();
    }
}
