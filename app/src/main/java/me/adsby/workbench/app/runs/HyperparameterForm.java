package me.adsby.workbench.app.runs;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.Recipe;

/**
 * The New Run form's hyperparameter fields, as typed: filled with a recipe's defaults, read back into
 * {@link Hyperparameters} (which checks every range and says which value is wrong).
 */
public final class HyperparameterForm {

    private final StringProperty epochs = new SimpleStringProperty();
    private final StringProperty batchSize = new SimpleStringProperty();
    private final StringProperty learningRate = new SimpleStringProperty();
    private final StringProperty embeddingSize = new SimpleStringProperty();
    private final StringProperty hashBuckets = new SimpleStringProperty();
    private final StringProperty hiddenUnits = new SimpleStringProperty();
    private final StringProperty convFilters = new SimpleStringProperty();
    private final StringProperty imageSize = new SimpleStringProperty();
    private final StringProperty seed = new SimpleStringProperty();
    private final StringProperty patience = new SimpleStringProperty();
    private final StringProperty l2 = new SimpleStringProperty();
    private final StringProperty dropout = new SimpleStringProperty();
    private final StringProperty minCount = new SimpleStringProperty();
    private final StringProperty crosses = new SimpleStringProperty();

    /** Puts the recipe's default hyperparameters in the fields. */
    public void fillDefaults(Recipe chosen) {
        Hyperparameters defaults = Hyperparameters.defaults(chosen);
        epochs.set(Integer.toString(defaults.epochs()));
        batchSize.set(Integer.toString(defaults.batchSize()));
        learningRate.set(Float.toString(defaults.learningRate()));
        embeddingSize.set(Integer.toString(defaults.embeddingSize()));
        hashBuckets.set(Integer.toString(defaults.hashBuckets()));
        hiddenUnits.set(String.join(",", defaults.hiddenUnits().stream().map(String::valueOf).toList()));
        convFilters.set(Integer.toString(defaults.convFilters()));
        imageSize.set(Integer.toString(defaults.imageSize()));
        seed.set(Long.toString(defaults.seed()));
        patience.set(Integer.toString(defaults.patience()));
        l2.set(Float.toString(defaults.l2()));
        dropout.set(Float.toString(defaults.dropout()));
        minCount.set(Integer.toString(defaults.minCount()));
        crosses.set(Integer.toString(defaults.crossColumns()));
    }

    /**
     * The hyperparameters the fields describe.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    Hyperparameters build() {
        return new Hyperparameters(FormNumbers.whole("Epochs", epochs),
                FormNumbers.whole("Batch size", batchSize), FormNumbers.decimal("Learning rate", learningRate),
                FormNumbers.whole("Embedding size", embeddingSize), FormNumbers.whole("Hash buckets", hashBuckets),
                FormNumbers.layerWidths(hiddenUnits), FormNumbers.whole("Conv filters", convFilters),
                FormNumbers.whole("Image size", imageSize), FormNumbers.wholeLong("Seed", seed),
                FormNumbers.whole("Patience", patience), FormNumbers.decimal("L2", l2),
                FormNumbers.decimal("Dropout", dropout), FormNumbers.whole("Min count", minCount),
                FormNumbers.whole("Crossed columns", crosses));
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public StringProperty embeddingSizeProperty() {
        return embeddingSize;
    }

    public StringProperty hashBucketsProperty() {
        return hashBuckets;
    }

    /** The MLP's layer widths, such as {@code 64,32}. */
    public StringProperty hiddenUnitsProperty() {
        return hiddenUnits;
    }

    public StringProperty convFiltersProperty() {
        return convFilters;
    }

    public StringProperty imageSizeProperty() {
        return imageSize;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty patienceProperty() {
        return patience;
    }

    /** The weight penalty (mean log loss + l2 * sum of squared weights). */
    public StringProperty l2Property() {
        return l2;
    }

    /** The deep tower's dropout rate. */
    public StringProperty dropoutProperty() {
        return dropout;
    }

    /** The wide part crosses every pair among the first this many categorical columns (0: none). */
    public StringProperty crossesProperty() {
        return crosses;
    }

    /** Categorical values seen on fewer training rows share their column's rare weight (0: hash every value). */
    public StringProperty minCountProperty() {
        return minCount;
    }
}
