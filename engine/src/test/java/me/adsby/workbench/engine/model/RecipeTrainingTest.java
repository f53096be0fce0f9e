package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.train.TrainingListener;
import me.adsby.workbench.engine.train.TrainingLoop;
import me.adsby.workbench.engine.train.TrainingResult;
import me.adsby.workbench.storage.work.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each recipe learns the signal it can see. The oracle AUC (the true logit's AUC on the same validation
 * examples) is the ceiling; a model is asked to come within a margin of it.
 */
class RecipeTrainingTest {

    private static final int SIDE = 16;
    private static final int BATCH = 64;

    @TempDir
    Path temp;

    @Test
    void tabularLearnsTheNumericAndCategoricalSignal() {
        SyntheticData.Examples training = SyntheticData.generate(1_500, BATCH, 11, 1f, 0f, 0);
        SyntheticData.Examples validation = SyntheticData.generate(600, BATCH, 12, 1f, 0f, 0);
        double oracle = BinaryMetrics.rocAuc(validation.trueLogits(), validation.labels());
        double auc = train(Recipe.TABULAR, training, validation, 8).best().validationAuc();
        assertThat(oracle).isGreaterThan(0.8);
        assertThat(auc).isGreaterThan(0.75).isGreaterThan(oracle - 0.04);
    }

    @Test
    void imageLearnsTheColourOfTheBrightPatch() {
        SyntheticData.Examples training = SyntheticData.generate(1_500, BATCH, 21, 0f, 3f, SIDE);
        SyntheticData.Examples validation = SyntheticData.generate(600, BATCH, 22, 0f, 3f, SIDE);
        double oracle = BinaryMetrics.rocAuc(validation.trueLogits(), validation.labels());
        double auc = train(Recipe.IMAGE, training, validation, 6).best().validationAuc();
        assertThat(oracle).isGreaterThan(0.9);
        assertThat(auc).isGreaterThan(0.8).isGreaterThan(oracle - 0.06);
    }

    @Test
    void multimodalBeatsTabularWhenTheImageCarriesAHiddenTerm() {
        SyntheticData.Examples training = SyntheticData.generate(1_500, BATCH, 31, 1f, 1.5f, SIDE);
        SyntheticData.Examples validation = SyntheticData.generate(600, BATCH, 32, 1f, 1.5f, SIDE);
        double tabularCeiling = BinaryMetrics.rocAuc(validation.tabularLogits(), validation.labels());
        double oracle = BinaryMetrics.rocAuc(validation.trueLogits(), validation.labels());
        double tabular = train(Recipe.TABULAR, training, validation, 6).best().validationAuc();
        double multimodal = train(Recipe.MULTIMODAL, training, validation, 6).best().validationAuc();
        assertThat(oracle).isGreaterThan(tabularCeiling + 0.07);
        assertThat(tabular).isLessThan(tabularCeiling + 0.02);
        assertThat(multimodal).isGreaterThan(tabular + 0.05).isGreaterThan(oracle - 0.06);
    }

    private TrainingResult train(Recipe recipe, SyntheticData.Examples training, SyntheticData.Examples validation,
                                 int epochs) {
        ModelDefinition definition = new ModelDefinition(recipe, SyntheticData.spec(recipe.usesImage(), SIDE),
                Hyperparameters.defaults(recipe).withImageSize(SIDE).withEpochs(epochs),
                NumericStats.of(training.batches(), SyntheticData.NUMERIC), LabelPrior.of(training.batches()));
        List<Batch> batches = training.batches();
        try (CtrTrainer trainer = CtrTrainer.create(definition, 2)) {
            return new TrainingLoop(trainer, temp.resolve(recipe.name()), TrainingListener.NONE, Cancellation.NEVER)
                    .run(() -> batches, validation::batches);
        }
    }
}
