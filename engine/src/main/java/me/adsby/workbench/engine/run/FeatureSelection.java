package me.adsby.workbench.engine.run;

import java.util.ArrayList;
import java.util.List;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.Schema;

/**
 * Chooses a run's features from the dataset's schema: every FEATURE column that is not excluded, numeric
 * (integer, float) or categorical (categorical, binary), and the image column when the recipe sees images.
 * Key and ignored columns never are features.
 */
public final class FeatureSelection {

    private FeatureSelection() {
    }

    /** The schema with the run's label set; fails with a message naming a missing column. */
    public static Schema withLabel(Schema schema, RunSpec spec) {
        if (schema.find(spec.label()).isEmpty()) {
            throw new IllegalArgumentException("the dataset has no column '" + spec.label() + "' to use as the label; "
                    + "its columns are " + schema.names());
        }
        for (String excluded : spec.exclude()) {
            if (schema.find(excluded).isEmpty()) {
                throw new IllegalArgumentException("cannot exclude '" + excluded + "': the dataset has no such column");
            }
        }
        return schema.withLabel(spec.label());
    }

    public static FeatureSpec of(Schema schema, RunSpec spec) {
        return of(schema, spec, java.util.Set.of());
    }

    /** As {@link #of(Schema, RunSpec)}, leaving out the columns in {@code dropped} (see {@link FeaturePlan}). */
    public static FeatureSpec of(Schema schema, RunSpec spec, java.util.Set<String> dropped) {
        Recipe recipe = spec.recipe();
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        if (recipe.usesTabular()) {
            for (ColumnSchema column : schema.columns()) {
                if (column.role() != ColumnRole.FEATURE || spec.exclude().contains(column.name())
                        || dropped.contains(column.name())) {
                    continue;
                }
                if (column.type() == ColumnType.INTEGER || column.type() == ColumnType.FLOAT) {
                    numeric.add(column.name());
                } else if (column.type() == ColumnType.CATEGORICAL || column.type() == ColumnType.BINARY) {
                    categorical.add(column.name());
                }
            }
        }
        String image = null;
        if (recipe.usesImage()) {
            image = spec.imageColumn() != null ? spec.imageColumn()
                    : schema.image().map(ColumnSchema::name).orElseThrow(() -> new IllegalArgumentException(
                            "the " + recipe.name().toLowerCase(java.util.Locale.ROOT) + " recipe needs an image column, "
                                    + "and the dataset has none (name one with --image-column)"));
        }
        return new FeatureSpec(numeric, categorical, image, spec.label(), spec.hyperparameters().imageSize());
    }
}
