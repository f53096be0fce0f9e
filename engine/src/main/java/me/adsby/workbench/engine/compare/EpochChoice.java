package me.adsby.workbench.engine.compare;

/** Which epoch's recorded metrics a comparison shows beside the model's. */
public enum EpochChoice {
    /** The last epoch trained. */
    FINAL,
    /** The epoch with the highest validation AUC: the one the exported model comes from. */
    BEST
}
