package me.adsby.workbench.engine.train;

import java.nio.file.Path;
import java.util.List;

/**
 * How training ended.
 *
 * @param epochs         every finished epoch, in order
 * @param bestEpoch      the epoch with the highest validation AUC (the first such, on ties)
 * @param bestCheckpoint that epoch's checkpoint prefix, the one to export
 * @param stoppedEarly   whether early stopping ended training before the last epoch
 */
public record TrainingResult(List<EpochMetrics> epochs, int bestEpoch, Path bestCheckpoint, boolean stoppedEarly) {

    public TrainingResult {
        epochs = List.copyOf(epochs);
    }

    /** The best epoch's metrics. */
    public EpochMetrics best() {
        return epochs.get(bestEpoch - 1);
    }
}
