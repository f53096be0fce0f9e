package me.adsby.workbench.engine.input;

/**
 * Mean and standard deviation of one numeric feature over the training split's good rows, missing values
 * left out; models normalise with them as {@code (x - mean) / std}. The standard deviation is the population's
 * (divided by {@code count}, as Keras' Normalization layer computes it). A column without values has mean 0
 * and std 0, and a constant column std 0: a model must guard against dividing by 0.
 *
 * @param column the column's name
 * @param count  how many training values were not missing
 * @param mean   their mean
 * @param std    their population standard deviation
 */
public record NumericStatistics(String column, long count, double mean, double std) {
}
