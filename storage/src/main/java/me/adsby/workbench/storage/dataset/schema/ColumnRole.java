package me.adsby.workbench.storage.dataset.schema;

/** What a column is for in training. */
public enum ColumnRole {
    /** An input of the model. */
    FEATURE,
    /** The 0/1 target: at most one per schema. */
    LABEL,
    /** The image reference: at most one per schema. */
    IMAGE,
    /** An identifier of the row: not an input. */
    KEY,
    /** Not used. */
    IGNORED
}
