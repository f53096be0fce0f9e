package me.adsby.workbench.storage.dataset.schema;

/**
 * How a numeric feature is scaled before the model sees it. Only numeric columns have one other than NONE.
 * Inference picks the default ({@link NumericProfile#transform()} says the rule).
 */
public enum NumericTransform {
    /** The value as it is. */
    NONE,
    /** {@code (x - mean) / sd} over the training rows. */
    STANDARDIZE,
    /** {@code log(1 + x)}, then standardized: for non-negative, heavy-tailed values such as counts and prices. */
    LOG1P
}
