package me.adsby.workbench.engine.model;

import java.util.Objects;
import me.adsby.workbench.engine.input.FeatureSpec;

/**
 * Everything that fixes a network's graph: the recipe, the features it reads, the hyperparameters and the
 * training split's numeric statistics, label prior and categorical vocabulary. The training graph and the
 * exported inference graph are both built
 * from one definition, so their variables match by name.
 *
 * @param recipe          the network
 * @param features        the columns the batches carry
 * @param hyperparameters sizes and training settings
 * @param numericStats    normalisation of {@code features.numeric()}, from the training split
 * @param labelPrior      the training split's share of positives: where the logit's bias starts
 * @param vocabulary      the categorical values with rows of their own, from the training split, or
 *                        {@link CategoryVocabulary#hashed()}
 */
public record ModelDefinition(Recipe recipe, FeatureSpec features, Hyperparameters hyperparameters,
                              NumericStats numericStats, LabelPrior labelPrior, CategoryVocabulary vocabulary) {

    /** A definition whose categorical values are hashed (no vocabulary). */
    public ModelDefinition(Recipe recipe, FeatureSpec features, Hyperparameters hyperparameters,
                           NumericStats numericStats, LabelPrior labelPrior) {
        this(recipe, features, hyperparameters, numericStats, labelPrior, CategoryVocabulary.hashed());
    }

    public ModelDefinition {
        Objects.requireNonNull(vocabulary, "vocabulary");
        if (!vocabulary.isHashed() && vocabulary.columns() != features.categorical().size()) {
            throw new IllegalArgumentException("The vocabulary describes " + vocabulary.columns() + " columns but the"
                    + " features have " + features.categorical().size() + " categorical columns");
        }
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(numericStats, "numericStats");
        Objects.requireNonNull(labelPrior, "labelPrior");
        if (numericStats.columns() != features.numeric().size()) {
            throw new IllegalArgumentException("numericStats describe " + numericStats.columns() + " columns but the"
                    + " features have " + features.numeric().size() + " numeric columns");
        }
        if (recipe.usesImage()) {
            if (!features.hasImage()) {
                throw new IllegalArgumentException("The " + recipe + " recipe needs an image column");
            }
            if (features.imageSize() != hyperparameters.imageSize()) {
                throw new IllegalArgumentException("The features resize images to " + features.imageSize()
                        + " pixels but the hyperparameters say " + hyperparameters.imageSize());
            }
        }
        if (recipe.usesTabular() && features.numeric().isEmpty() && features.categorical().isEmpty()) {
            throw new IllegalArgumentException("The " + recipe + " recipe needs a numeric or categorical column");
        }
    }

    /** Whether the network has a {@code numeric} input. */
    public boolean readsNumeric() {
        return recipe.usesTabular() && !features.numeric().isEmpty();
    }

    /** Whether the network has a {@code categorical} input. */
    public boolean readsCategorical() {
        return recipe.usesTabular() && !features.categorical().isEmpty();
    }

    /** Whether the network has an {@code image} input. */
    public boolean readsImage() {
        return recipe.usesImage();
    }
}
