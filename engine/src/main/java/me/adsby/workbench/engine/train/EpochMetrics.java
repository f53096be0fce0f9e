package me.adsby.workbench.engine.train;

import java.nio.file.Path;

/**
 * What one epoch did.
 *
 * @param epoch              1-based
 * @param trainingLoss       the mean training loss over the epoch's examples (each batch's loss before its step;
 *                           the cross-entropy only, without the weight penalty)
 * @param validationLoss     the mean sigmoid cross-entropy (log loss) over the validation examples
 * @param validationAuc      the exact ROC AUC on validation (Mann–Whitney, ties 1/2); NaN with one class only
 * @param validationPrAuc    the average precision on validation (scikit-learn's step-wise definition); NaN
 *                           without positives
 * @param validationAccuracy the share of validation examples on the right side of 0.5
 * @param trainingExamples   the examples trained on in this epoch
 * @param examplesPerSecond  training examples per second of training steps (validation not counted)
 * @param checkpoint         the prefix of this epoch's checkpoint
 * @param best               whether this epoch is the best so far, by the run's {@link SelectionMetric}
 */
public record EpochMetrics(int epoch, double trainingLoss, double validationLoss, double validationAuc,
                           double validationPrAuc, double validationAccuracy, long trainingExamples,
                           double examplesPerSecond, Path checkpoint, boolean best) {
}
