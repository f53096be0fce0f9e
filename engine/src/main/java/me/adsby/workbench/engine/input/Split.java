package me.adsby.workbench.engine.input;

/** The two parts of a prepared dataset: the examples a model trains on, and those it is validated on. */
public enum Split {
    TRAIN, VALIDATION
}
