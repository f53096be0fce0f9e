package me.adsby.workbench.engine.run;

import java.util.List;
import java.util.Objects;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.train.SelectionMetric;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.settings.TrainingTarget;

/**
 * What someone asks to train, from the New Run form or {@code workbench train}.
 *
 * @param name        a name for people, or null for one made of the recipe and dataset
 * @param experiment  the experiment, or null for the default one
 * @param imageColumn the image column, or null for the schema's
 * @param maxBadRows  bad rows skipped and counted before the run fails
 * @param split       how validation and test examples are chosen
 * @param selectBy    the validation metric that chooses the exported epoch
 * @param schema      the dataset's schema as the form showed it (roles changed by the person included), or null
 *                    for the schema in effect (saved, else inferred)
 * @param calibrate   whether the exported model is Platt-scaled on the validation examples
 */
public record RunRequest(String name, String experiment, String dataset, String label, String imageColumn,
        List<String> exclude, Recipe recipe, Hyperparameters hyperparameters, SplitPlan split,
        long maxBadRows, TrainingTarget target, SelectionMetric selectBy, Schema schema, boolean calibrate) {

    /** Without calibration. */
    public RunRequest(String name, String experiment, String dataset, String label, String imageColumn,
            List<String> exclude, Recipe recipe, Hyperparameters hyperparameters, SplitPlan split,
            long maxBadRows, TrainingTarget target, SelectionMetric selectBy, Schema schema) {
        this(name, experiment, dataset, label, imageColumn, exclude, recipe, hyperparameters, split, maxBadRows, target,
                selectBy, schema, false);
    }

    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

    public RunRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(target, "target");
        split = split == null ? SplitPlan.defaults() : split;
        selectBy = selectBy == null ? SelectionMetric.LOG_LOSS : selectBy;
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    /** The request's validation fraction (0 with a validation file). */
    public double validationFraction() {
        return split.validationFraction();
    }

    /** The name to show: the given one, or the recipe and the dataset's file name. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        String file = dataset.substring(dataset.lastIndexOf('/') + 1);
        return recipe.name().toLowerCase(java.util.Locale.ROOT) + " on " + file;
    }
}
