package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.train.EpochMetrics;
import me.adsby.workbench.engine.train.SelectionMetric;
import me.adsby.workbench.engine.train.TrainingListener;
import me.adsby.workbench.engine.train.TrainingLoop;
import me.adsby.workbench.engine.train.TrainingResult;
import me.adsby.workbench.storage.work.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {

    private static final int BATCH = 64;

    @TempDir
    Path temp;

    private static ModelDefinition tabular(SyntheticData.Examples training, Hyperparameters hp) {
        return new ModelDefinition(Recipe.TABULAR, SyntheticData.spec(false, 16), hp,
                NumericStats.of(training.batches(), SyntheticData.NUMERIC), LabelPrior.of(training.batches()));
    }

    @Test
    void reportsEachEpochChecksPointsItAndKeepsTheBestByTheChosenMetric() {
        SyntheticData.Examples training = SyntheticData.generate(640, BATCH, 51, 1f, 0f, 0);
        SyntheticData.Examples validation = SyntheticData.generate(300, BATCH, 52, 1f, 0f, 0);
        Hyperparameters hp = Hyperparameters.defaults(Recipe.TABULAR).withImageSize(16).withEpochs(3).withPatience(5);
        List<EpochMetrics> heard = new ArrayList<>();
        TrainingResult result;
        try (CtrTrainer trainer = CtrTrainer.create(tabular(training, hp), 2)) {
            result = new TrainingLoop(trainer, temp, heard::add, Cancellation.NEVER, SelectionMetric.AUC)
                    .run(training::batches, validation::batches);
        }
        assertThat(heard).containsExactlyElementsOf(result.epochs());
        assertThat(result.epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
        assertThat(result.stoppedEarly()).isFalse();
        for (EpochMetrics epoch : result.epochs()) {
            assertThat(epoch.trainingExamples()).isEqualTo(640);
            assertThat(epoch.examplesPerSecond()).isPositive();
            assertThat(epoch.validationAuc()).isBetween(0.5, 1.0);
            assertThat(epoch.validationAccuracy()).isBetween(0.5, 1.0);
            assertThat(epoch.trainingLoss()).isBetween(0.2, 1.0);
            assertThat(Path.of(epoch.checkpoint() + ".index")).exists();
        }
        double bestAuc = result.epochs().stream().mapToDouble(EpochMetrics::validationAuc).max().orElseThrow();
        assertThat(result.best().validationAuc()).isEqualTo(bestAuc);
        assertThat(result.bestCheckpoint()).isEqualTo(result.best().checkpoint());
        assertThat(result.epochs().get(2).trainingLoss()).isLessThan(result.epochs().get(0).trainingLoss());
    }

    @Test
    void byDefaultStopsEarlyAfterPatienceEpochsWithoutALowerValidationLogLoss() {
        SyntheticData.Examples training = SyntheticData.generate(256, BATCH, 53, 0f, 0f, 0);
        SyntheticData.Examples validation = SyntheticData.generate(256, BATCH, 54, 0f, 0f, 0);
        Hyperparameters hp = Hyperparameters.defaults(Recipe.TABULAR).withImageSize(16).withEpochs(40).withPatience(2);
        TrainingResult result;
        try (CtrTrainer trainer = CtrTrainer.create(tabular(training, hp), 2)) {
            result = new TrainingLoop(trainer, temp, TrainingListener.NONE, Cancellation.NEVER)
                    .run(training::batches, validation::batches);
        }
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.epochs()).hasSize(result.bestEpoch() + 2);
        List<EpochMetrics> afterBest = result.epochs().subList(result.bestEpoch(), result.epochs().size());
        assertThat(afterBest).allSatisfy(epoch -> {
            assertThat(epoch.validationLoss()).isGreaterThanOrEqualTo(result.best().validationLoss());
            assertThat(epoch.best()).isFalse();
        });
        double lowest = result.epochs().stream().mapToDouble(EpochMetrics::validationLoss).min().orElseThrow();
        assertThat(result.best().validationLoss()).isEqualTo(lowest);
    }

    @Test
    void aNonFiniteLossNamesTheEpochAndBatch() {
        SyntheticData.Examples training = SyntheticData.generate(256, BATCH, 55, 1f, 0f, 0);
        Batch clean = training.batches().get(2);
        float[] numeric = clean.numeric().clone();
        java.util.Arrays.fill(numeric, Float.POSITIVE_INFINITY);
        Batch poisoned = new Batch(clean.size(), numeric, clean.categorical(), clean.pixels(), clean.labels(), clean.rows());
        List<Batch> secondEpoch = new ArrayList<>(training.batches());
        secondEpoch.set(2, poisoned);
        AtomicInteger epochs = new AtomicInteger();
        Hyperparameters hp = Hyperparameters.defaults(Recipe.TABULAR).withImageSize(16).withEpochs(3);
        try (CtrTrainer trainer = CtrTrainer.create(tabular(training, hp), 2)) {
            TrainingLoop loop = new TrainingLoop(trainer, temp, TrainingListener.NONE, Cancellation.NEVER);
            assertThatThrownBy(() -> loop.run(() -> epochs.incrementAndGet() == 2 ? secondEpoch : training.batches(),
                    training::batches))
                    .isInstanceOf(NonFiniteLossException.class)
                    .hasMessageMatching("The loss became (NaN|infinite) at epoch 2, batch 3: lower the learning rate.*");
        }
        assertThat(Path.of(TrainingLoop.checkpointOf(temp, 1) + ".index")).exists();
    }

    @Test
    void cancellationStopsBetweenBatches() {
        SyntheticData.Examples training = SyntheticData.generate(640, BATCH, 56, 1f, 0f, 0);
        AtomicInteger handedOut = new AtomicInteger();
        List<Batch> counted = new ArrayList<>();
        for (Batch batch : training.batches()) {
            counted.add(batch);
        }
        Iterable<Batch> counting = () -> counted.stream().peek(b -> handedOut.incrementAndGet()).iterator();
        AtomicInteger asked = new AtomicInteger();
        Cancellation cancelAtQuestion25 = () -> asked.incrementAndGet() >= 25;
        List<EpochMetrics> heard = new ArrayList<>();
        Hyperparameters hp = Hyperparameters.defaults(Recipe.TABULAR).withImageSize(16).withEpochs(5);
        try (CtrTrainer trainer = CtrTrainer.create(tabular(training, hp), 2)) {
            TrainingLoop loop = new TrainingLoop(trainer, temp, heard::add, cancelAtQuestion25);
            assertThatThrownBy(() -> loop.run(() -> counting, training::batches))
                    .isInstanceOf(CancellationException.class);
        }
        // Epoch 1 asks 10 times while training and 10 while validating; epoch 2 is cancelled when its 5th
        // batch has been handed out, before training on it.
        assertThat(heard).hasSize(1);
        assertThat(handedOut.get()).isEqualTo(10 + 5);
        assertThat(asked.get()).isEqualTo(25);
        assertThat(Files.exists(Path.of(TrainingLoop.checkpointOf(temp, 2) + ".index"))).isFalse();
    }
}
