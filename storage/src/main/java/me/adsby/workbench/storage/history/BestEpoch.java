package me.adsby.workbench.storage.history;

import java.util.Map;

/**
 * A run's best epoch so far and that epoch's metrics: the epoch whose checkpoint the run exports as its model,
 * chosen by the run's selection metric. Every headline number of a run is this epoch's.
 *
 * @param epoch   1-based
 * @param metrics by metric key (train_loss, val_loss, val_auc, ...)
 */
public record BestEpoch(int epoch, Map<String, Double> metrics) {

    public BestEpoch {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be at least 1, was " + epoch);
        }
        metrics = SortedMaps.copyOf(metrics);
    }
}
