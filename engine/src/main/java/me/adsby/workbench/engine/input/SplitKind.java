package me.adsby.workbench.engine.input;

/** How rows are assigned to training and validation within one file. */
public enum SplitKind {
    /** By a hash of the row number, or of a key column's text when the split names one. */
    RANDOM,
    /** By a hash of a group column's text: all rows of one ad, user or campaign land on one side. */
    GROUP,
    /** By a time column: rows after the cutoff (the latest share of the file) are validation. */
    TIME
}
