package me.adsby.workbench.engine.input;

/**
 * The parts of a dataset: the examples a model trains on, those it is validated on, and the held-out test
 * examples, which a training preparation leaves out (see {@link SplitSettings}).
 */
public enum Split {
    TRAIN, VALIDATION, TEST
}
