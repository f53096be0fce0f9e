package me.adsby.workbench.engine.compare;

/** Which epoch's recorded metrics a comparison shows beside the model's. */
public enum EpochChoice {
    /** The last epoch trained. */
    FINAL,
    /**
     * The epoch the exported model comes from, as the run recorded it (chosen by its selection metric, validation
     * log loss unless it said otherwise); for runs from before that was recorded, the highest validation AUC.
     */
    BEST
}
