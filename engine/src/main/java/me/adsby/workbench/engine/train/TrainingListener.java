package me.adsby.workbench.engine.train;

/** Hears how training goes, on the training thread; keep it quick. */
@FunctionalInterface
public interface TrainingListener {

    /** Ignores everything. */
    TrainingListener NONE = metrics -> { };

    /** Called after each epoch's validation and checkpoint. */
    void epochFinished(EpochMetrics metrics);
}
