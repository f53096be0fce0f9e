package me.adsby.workbench.engine.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import me.adsby.workbench.engine.eval.Metrics;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.model.BatchScores;
import me.adsby.workbench.engine.model.BinaryMetrics;
import me.adsby.workbench.engine.model.CtrTrainer;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.NonFiniteLossException;
import me.adsby.workbench.storage.work.Cancellation;

/**
 * Trains a {@link CtrTrainer} epoch by epoch: trains on every training batch, validates (log loss, exact ROC
 * AUC, average precision, accuracy at 0.5), checkpoints to {@code <checkpoints>/epoch-NNNN/model}, reports to the
 * listener, and stops early after {@link Hyperparameters#patience()} epochs without a better value of the
 * {@link SelectionMetric}. The best epoch by that metric (the first of equals) is the one to export.
 *
 * <p>Checks the cancellation before every batch (training and validation) and throws
 * {@link java.util.concurrent.CancellationException}; the checkpoints of finished epochs stay. Throws
 * {@link NonFiniteLossException} when a training loss is NaN or infinite.
 */
public final class TrainingLoop {

    private final CtrTrainer trainer;
    private final Path checkpoints;
    private final TrainingListener listener;
    private final Cancellation cancellation;
    private final SelectionMetric selectBy;

    /** As {@link #TrainingLoop(CtrTrainer, Path, TrainingListener, Cancellation, SelectionMetric)} by log loss. */
    public TrainingLoop(CtrTrainer trainer, Path checkpoints, TrainingListener listener, Cancellation cancellation) {
        this(trainer, checkpoints, listener, cancellation, SelectionMetric.LOG_LOSS);
    }

    /**
     * @param trainer      the trainer, freshly created or restored
     * @param checkpoints  the folder for the epochs' checkpoints
     * @param listener     hears each epoch
     * @param cancellation asked between batches
     * @param selectBy     chooses the best epoch, and what patience waits on
     */
    public TrainingLoop(CtrTrainer trainer, Path checkpoints, TrainingListener listener, Cancellation cancellation,
            SelectionMetric selectBy) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        this.selectBy = Objects.requireNonNull(selectBy, "selectBy");
    }

    /** The checkpoint prefix of an epoch. */
    public static Path checkpointOf(Path checkpoints, int epoch) {
        return checkpoints.resolve(String.format("epoch-%04d", epoch)).resolve("model");
    }

    /**
     * Runs up to {@code hyperparameters.epochs()} epochs.
     *
     * @param trainingEpoch gives the training batches of one epoch, called once per epoch (shuffle there)
     * @param validation    gives the validation batches, called once per epoch
     */
    public TrainingResult run(Supplier<? extends Iterable<Batch>> trainingEpoch, Supplier<? extends Iterable<Batch>> validation) {
        return resume(List.of(), trainingEpoch, validation);
    }

    /**
     * Continues a run whose first epochs are done: the trainer holds the last of their checkpoints, and
     * {@code previous} their metrics (in order, from epoch 1). Early stopping and the best epoch count them
     * as if the run had never stopped.
     */
    public TrainingResult resume(List<EpochMetrics> previous, Supplier<? extends Iterable<Batch>> trainingEpoch,
            Supplier<? extends Iterable<Batch>> validation) {
        Hyperparameters hp = trainer.definition().hyperparameters();
        List<EpochMetrics> history = new ArrayList<>(previous);
        int bestEpoch = 0;
        double bestValue = Double.NaN;
        for (EpochMetrics done : previous) {
            if (bestEpoch == 0 || selectBy.better(selectBy.of(done), bestValue)) {
                bestEpoch = done.epoch();
                bestValue = selectBy.of(done);
            }
        }
        boolean stoppedEarly = !previous.isEmpty() && previous.size() - bestEpoch >= hp.patience()
                && previous.size() < hp.epochs();
        for (int epoch = previous.size() + 1; epoch <= hp.epochs() && !stoppedEarly; epoch++) {
            EpochTraining training = train(epoch, trainingEpoch.get());
            Validation validated = validate(validation.get());
            Path checkpoint = checkpointOf(checkpoints, epoch);
            trainer.save(checkpoint);
            EpochMetrics metrics = new EpochMetrics(epoch, training.meanLoss(), validated.loss(), validated.auc(),
                    validated.prAuc(), validated.accuracy(), training.examples(), training.examplesPerSecond(), checkpoint,
                    false);
            boolean best = bestEpoch == 0 || selectBy.better(selectBy.of(metrics), bestValue);
            if (best) {
                bestEpoch = epoch;
                bestValue = selectBy.of(metrics);
                metrics = new EpochMetrics(epoch, metrics.trainingLoss(), metrics.validationLoss(), metrics.validationAuc(),
                        metrics.validationPrAuc(), metrics.validationAccuracy(), metrics.trainingExamples(),
                        metrics.examplesPerSecond(), checkpoint, true);
            }
            history.add(metrics);
            listener.epochFinished(metrics);
            if (epoch - bestEpoch >= hp.patience() && epoch < hp.epochs()) {
                stoppedEarly = true;
            }
        }
        return new TrainingResult(history, bestEpoch, checkpointOf(checkpoints, bestEpoch), stoppedEarly);
    }

    private EpochTraining train(int epoch, Iterable<Batch> batches) {
        double lossSum = 0;
        long examples = 0;
        long nanos = 0;
        int batchNumber = 0;
        for (Batch batch : batches) {
            cancellation.throwIfCancelled();
            batchNumber++;
            long start = System.nanoTime();
            float loss = trainer.trainStep(batch);
            nanos += System.nanoTime() - start;
            if (!Float.isFinite(loss)) {
                throw new NonFiniteLossException(epoch, batchNumber, loss);
            }
            lossSum += (double) loss * batch.size();
            examples += batch.size();
        }
        if (examples == 0) {
            throw new IllegalArgumentException("Epoch " + epoch + " has no training examples");
        }
        return new EpochTraining(lossSum / examples, examples, examples / (nanos / 1e9));
    }

    private Validation validate(Iterable<Batch> batches) {
        List<float[]> scores = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        double lossSum = 0;
        int examples = 0;
        for (Batch batch : batches) {
            cancellation.throwIfCancelled();
            if (batch.size() == 0) {
                continue;
            }
            BatchScores scored = trainer.evaluate(batch);
            lossSum += (double) scored.loss() * batch.size();
            examples += batch.size();
            scores.add(scored.probabilities());
            labels.add(batch.labels());
        }
        if (examples == 0) {
            throw new IllegalArgumentException("The validation split has no examples");
        }
        float[] allScores = flatten(scores, examples);
        float[] allLabels = flatten(labels, examples);
        double[] wide = new double[examples];
        boolean[] positive = new boolean[examples];
        for (int i = 0; i < examples; i++) {
            wide[i] = allScores[i];
            positive[i] = allLabels[i] > 0.5f;
        }
        Predictions predictions = Predictions.of(wide, positive);
        return new Validation(lossSum / examples, Metrics.rocAuc(predictions).value(),
                Metrics.averagePrecision(predictions).value(), BinaryMetrics.accuracy(allScores, allLabels));
    }

    private static float[] flatten(List<float[]> parts, int total) {
        float[] out = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private record EpochTraining(double meanLoss, long examples, double examplesPerSecond) {
    }

    private record Validation(double loss, double auc, double prAuc, double accuracy) {
    }
}
