package me.adsby.workbench.storage.dataset.schema;

/** What a column is for in training. Only FEATURE columns are inputs of a model. */
public enum ColumnRole {
    /** An input of the model. */
    FEATURE,
    /** The 0/1 target: at most one per schema. */
    LABEL,
    /** The image reference: at most one per schema. */
    IMAGE,
    /** An identifier of the row, unique: not an input. */
    KEY,
    /** An identifier whose values repeat (an ad, a user): rows sharing it belong together, as in a group split. */
    GROUP,
    /** When the row happened: the order of a time split, not an input. */
    TIME,
    /** Not used. */
    IGNORED
}
