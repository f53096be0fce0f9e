package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import me.adsby.workbench.engine.input.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class CtrTrainerTest {

    private static final int BATCH = 64;

    @TempDir
    Path temp;

    private static ModelDefinition tabular(SyntheticData.Examples training, Hyperparameters hp) {
        return new ModelDefinition(Recipe.TABULAR, SyntheticData.spec(false, 16), hp,
                NumericStats.of(training.batches(), SyntheticData.NUMERIC), LabelPrior.of(training.batches()));
    }

    private static Hyperparameters smallTabular() {
        return Hyperparameters.defaults(Recipe.TABULAR).withImageSize(16);
    }

    @Test
    void trainingLowersTheLossOnATabularSignal() {
        SyntheticData.Examples training = SyntheticData.generate(1_000, BATCH, 1, 1f, 0f, 0);
        try (CtrTrainer trainer = CtrTrainer.create(tabular(training, smallTabular()), 2)) {
            Batch all = training.whole();
            float before = trainer.evaluate(all).loss();
            for (int epoch = 0; epoch < 5; epoch++) {
                for (Batch batch : training.batches()) {
                    assertThat(trainer.trainStep(batch)).isFinite();
                }
            }
            float after = trainer.evaluate(all).loss();
            assertThat(before).isBetween(0.6f, 0.8f);
            assertThat(after).isLessThan(before - 0.1f);
            float[] probabilities = trainer.predict(all);
            assertThat(probabilities).hasSize(all.size());
            assertThat(BinaryMetrics.rocAuc(probabilities, all.labels())).isGreaterThan(0.75);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sameSeedAndThreadsGiveTheSameLosses(int threads) {
        SyntheticData.Examples training = SyntheticData.generate(256, BATCH, 2, 1f, 1f, 16);
        ModelDefinition definition = new ModelDefinition(Recipe.MULTIMODAL, SyntheticData.spec(true, 16),
                Hyperparameters.defaults(Recipe.MULTIMODAL).withImageSize(16),
                NumericStats.of(training.batches(), SyntheticData.NUMERIC), LabelPrior.of(training.batches()));
        float[] first = lossesOfOneEpoch(definition, training.batches(), threads);
        float[] second = lossesOfOneEpoch(definition, training.batches(), threads);
        if (threads == 1) {
            assertThat(second).containsExactly(first);
        } else {
            // Two threads may split a reduction differently from one run to the next: the last bits may differ.
            assertThat(second).containsExactly(first, within(1e-4f));
        }
        float[] otherSeed = lossesOfOneEpoch(
                new ModelDefinition(definition.recipe(), definition.features(), definition.hyperparameters().withSeed(7),
                        definition.numericStats(), definition.labelPrior()), training.batches(), threads);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    private static float[] lossesOfOneEpoch(ModelDefinition definition, List<Batch> batches, int threads) {
        try (CtrTrainer trainer = CtrTrainer.create(definition, threads)) {
            float[] losses = new float[batches.size()];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = trainer.trainStep(batches.get(i));
            }
            return losses;
        }
    }

    @Test
    void aRestoredCheckpointContinuesExactly() {
        SyntheticData.Examples training = SyntheticData.generate(256, BATCH, 3, 1f, 0.5f, 16);
        ModelDefinition definition = new ModelDefinition(Recipe.MULTIMODAL, SyntheticData.spec(true, 16),
                Hyperparameters.defaults(Recipe.MULTIMODAL).withImageSize(16),
                NumericStats.of(training.batches(), SyntheticData.NUMERIC), LabelPrior.of(training.batches()));
        Path prefix = temp.resolve("checkpoints/epoch-2/model");
        Batch next = training.batches().get(0);
        float uninterrupted;
        try (CtrTrainer trainer = CtrTrainer.create(definition, 2)) {
            for (int epoch = 0; epoch < 2; epoch++) {
                training.batches().forEach(trainer::trainStep);
            }
            trainer.save(prefix);
            uninterrupted = trainer.trainStep(next);
            assertThat(trainer.trainStep(next)).isNotEqualTo(uninterrupted);
        }
        try (CtrTrainer resumed = CtrTrainer.create(definition, 2)) {
            float fresh = resumed.evaluate(next).loss();
            resumed.restore(prefix);
            float continued = resumed.trainStep(next);
            assertThat(continued).isEqualTo(uninterrupted);
            assertThat(fresh).isNotEqualTo(uninterrupted);
        }
    }

    @Test
    void scoringAnImageUsesTheMovingStatisticsNotItsBatchs() {
        SyntheticData.Examples training = SyntheticData.generate(256, BATCH, 7, 0f, 2f, 16);
        try (CtrTrainer trainer = CtrTrainer.create(image(training), 2)) {
            training.batches().forEach(trainer::trainStep);
            Batch batch = training.batches().get(0);
            float[] inBatch = trainer.predict(batch);
            for (int i : new int[] {0, 17, 63}) {
                Batch alone = one(batch, i);
                assertThat(trainer.predict(alone)[0]).isCloseTo(inBatch[i], within(1e-6f));
                assertThat(trainer.evaluate(alone).probabilities()[0]).isCloseTo(inBatch[i], within(1e-6f));
            }
        }
    }

    @Test
    void adamTrainsGammaAndBetaButNotTheMovingStatisticsWhichTheCheckpointHolds() {
        SyntheticData.Examples training = SyntheticData.generate(128, BATCH, 8, 0f, 2f, 16);
        Path prefix = temp.resolve("image/model");
        try (CtrTrainer trainer = CtrTrainer.create(image(training), 2)) {
            training.batches().forEach(trainer::trainStep);
            trainer.save(prefix);
        }
        // A graph restores from a checkpoint only variables the checkpoint has.
        assertThat(restored(prefix, "conv1_bn_gamma-m")).isNotNull();
        assertThat(restored(prefix, "conv1_bn_beta-v")).isNotNull();
        assertThatThrownBy(() -> restored(prefix, "conv1_bn_moving_mean-m")).hasMessageContaining("conv1_bn_moving_mean-m");
        assertThatThrownBy(() -> restored(prefix, "conv1_bn_moving_variance-v"))
                .hasMessageContaining("conv1_bn_moving_variance-v");
        // Two steps moved the moving mean off its start (0) and the moving variance off its start (1).
        assertThat(restored(prefix, "conv1_bn_moving_mean")).isNotEqualTo(new float[16]);
        float[] ones = new float[16];
        java.util.Arrays.fill(ones, 1f);
        assertThat(restored(prefix, "conv1_bn_moving_variance")).isNotEqualTo(ones);
    }

    private static ModelDefinition image(SyntheticData.Examples training) {
        return new ModelDefinition(Recipe.IMAGE, SyntheticData.spec(true, 16),
                Hyperparameters.defaults(Recipe.IMAGE).withImageSize(16),
                NumericStats.of(training.batches(), SyntheticData.NUMERIC), LabelPrior.of(training.batches()));
    }

    /** The {@code i}th example of a batch, as a batch of one. */
    private static Batch one(Batch batch, int i) {
        int pixels = batch.pixels().length / batch.size();
        int numeric = batch.numeric().length / batch.size();
        int categorical = batch.categorical().length / batch.size();
        return new Batch(1, java.util.Arrays.copyOfRange(batch.numeric(), i * numeric, (i + 1) * numeric),
                java.util.Arrays.copyOfRange(batch.categorical(), i * categorical, (i + 1) * categorical),
                java.util.Arrays.copyOfRange(batch.pixels(), i * pixels, (i + 1) * pixels),
                new float[] {batch.labels()[i]}, new long[] {batch.rows()[i]});
    }

    /** The 16 values of the named variable of shape [16], restored alone from the checkpoint. */
    private static float[] restored(Path prefix, String name) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            tf.withName(name).variable(Shape.of(16), TFloat32.class);
            try (Session session = new Session(graph)) {
                session.restore(prefix.toString());
                try (Result result = session.runner().fetch(name).run()) {
                    TFloat32 value = (TFloat32) result.get(0);
                    float[] values = new float[16];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = value.getFloat(i);
                    }
                    return values;
                }
            }
        }
    }

    @Test
    void infiniteInputsGiveANonFiniteLoss() {
        SyntheticData.Examples training = SyntheticData.generate(64, BATCH, 4, 1f, 0f, 0);
        Batch clean = training.batches().get(0);
        float[] numeric = clean.numeric().clone();
        numeric[0] = Float.POSITIVE_INFINITY;
        numeric[3] = Float.NEGATIVE_INFINITY;
        Batch poisoned = new Batch(clean.size(), numeric, clean.categorical(), clean.pixels(), clean.labels(), clean.rows());
        try (CtrTrainer trainer = CtrTrainer.create(tabular(training, smallTabular()), 2)) {
            assertThat(trainer.trainStep(clean)).isFinite();
            assertThat(trainer.trainStep(poisoned)).isNotFinite();
        }
    }

    @Test
    void restoringAMissingCheckpointSaysWhere() {
        SyntheticData.Examples training = SyntheticData.generate(64, BATCH, 5, 1f, 0f, 0);
        try (CtrTrainer trainer = CtrTrainer.create(tabular(training, smallTabular()), 2)) {
            assertThatThrownBy(() -> trainer.restore(temp.resolve("nothing/model")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("No checkpoint at");
        }
    }

    @Test
    void aBatchOfTheWrongWidthIsRejected() {
        SyntheticData.Examples training = SyntheticData.generate(64, BATCH, 6, 1f, 0f, 0);
        Batch batch = training.batches().get(0);
        Batch narrow = new Batch(batch.size(), new float[batch.size()], batch.categorical(), batch.pixels(),
                batch.labels(), batch.rows());
        try (CtrTrainer trainer = CtrTrainer.create(tabular(training, smallTabular()), 2)) {
            assertThatThrownBy(() -> trainer.trainStep(narrow))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("numeric values");
        }
    }
}
