package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HyperparametersTest {

    private static final LabelPrior PRIOR = new LabelPrior(0.12);

    @Test
    void defaultsAreValidForEveryRecipe() {
        for (Recipe recipe : Recipe.values()) {
            Hyperparameters hp = Hyperparameters.defaults(recipe);
            assertThat(hp.batchSize()).isEqualTo(64);
            assertThat(hp.hiddenUnits()).isNotEmpty();
            assertThat(hp.patience()).isLessThan(hp.epochs());
        }
    }

    @Test
    void outOfRangeValuesAreRejectedByName() {
        Hyperparameters d = Hyperparameters.defaults(Recipe.MULTIMODAL);
        assertRejected(() -> d.withEpochs(0), "epochs must be between 1 and 10000, was 0");
        assertRejected(() -> d.withLearningRate(0f), "learningRate must be in (0, 1], was 0.0");
        assertRejected(() -> d.withLearningRate(Float.NaN), "learningRate must be in (0, 1], was NaN");
        assertRejected(() -> d.withImageSize(4), "imageSize must be between 8 and 1024, was 4");
        assertRejected(() -> d.withPatience(0), "patience must be between 1 and 10000, was 0");
        assertRejected(() -> new Hyperparameters(1, 0, 0.1f, 8, 10, List.of(8), 8, 16, 1, 1), "batchSize");
        assertRejected(() -> new Hyperparameters(1, 8, 0.1f, 8, 10, List.of(), 8, 16, 1, 1), "hiddenUnits must list");
        assertRejected(() -> new Hyperparameters(1, 8, 0.1f, 8, 10, List.of(8, 0), 8, 16, 1, 1), "each of hiddenUnits");
        assertRejected(() -> new Hyperparameters(1, 8, 0.1f, 0, 10, List.of(8), 8, 16, 1, 1), "embeddingSize");
        assertRejected(() -> new Hyperparameters(1, 8, 0.1f, 8, 0, List.of(8), 8, 16, 1, 1), "hashBuckets");
        assertRejected(() -> new Hyperparameters(1, 8, 0.1f, 8, 10, List.of(8), 0, 16, 1, 1), "convFilters");
    }

    @Test
    void aDefinitionChecksTheRecipeAgainstTheFeatures() {
        NumericStats stats = NumericStats.identity(2);
        Hyperparameters hp = Hyperparameters.defaults(Recipe.IMAGE).withImageSize(16);
        assertRejected(() -> new ModelDefinition(Recipe.IMAGE, SyntheticData.spec(false, 16), hp, stats, PRIOR),
                "The IMAGE recipe needs an image column");
        assertRejected(() -> new ModelDefinition(Recipe.MULTIMODAL, SyntheticData.spec(true, 24), hp, stats, PRIOR),
                "The features resize images to 24 pixels but the hyperparameters say 16");
        assertRejected(() -> new ModelDefinition(Recipe.TABULAR, SyntheticData.spec(false, 16), hp, NumericStats.identity(3), PRIOR),
                "numericStats describe 3 columns");
        ModelDefinition image = new ModelDefinition(Recipe.IMAGE, SyntheticData.spec(true, 16), hp, stats, PRIOR);
        assertThat(image.readsImage()).isTrue();
        assertThat(image.readsNumeric()).isFalse();
        assertThat(image.readsCategorical()).isFalse();
    }

    private static void assertRejected(Supplier<?> build, String message) {
        assertThatThrownBy(build::get).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
