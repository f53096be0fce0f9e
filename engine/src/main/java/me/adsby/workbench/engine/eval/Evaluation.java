package me.adsby.workbench.engine.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every metric of one set of predictions.
 *
 * @param count          examples
 * @param positives      examples labelled 1
 * @param threshold      the threshold of the confusion matrix (score >= threshold predicts 1)
 * @param metrics        each {@link Metric}'s value, or why it has none
 * @param confusion      counts at the threshold
 * @param bestF1         the threshold that maximises F1, and that F1
 * @param reliability    10 equal-width bins of the score and the expected calibration error
 * @param meanPredicted  the mean score (the predicted CTR)
 * @param observedRate   the share of positives (the observed CTR)
 * @param roc            the ROC curve, downsampled for plotting; null when not computed or undefined
 * @param precisionRecall the precision–recall staircase, downsampled; null when not computed or undefined
 */
public record Evaluation(long count, long positives, double threshold, Map<Metric, MetricValue> metrics,
        ConfusionMatrix confusion, BestF1 bestF1, ReliabilityCurve reliability, MetricValue meanPredicted,
        MetricValue observedRate, Curve roc, Curve precisionRecall) {

    public Evaluation {
        metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
    }

    public MetricValue metric(Metric metric) {
        return metrics.get(metric);
    }

    public Optional<Curve> rocCurve() {
        return Optional.ofNullable(roc);
    }

    public Optional<Curve> precisionRecallCurve() {
        return Optional.ofNullable(precisionRecall);
    }

    Evaluation withCurves(Curve newRoc, Curve newPrecisionRecall) {
        return new Evaluation(count, positives, threshold, metrics, confusion, bestF1, reliability, meanPredicted,
                observedRate, newRoc, newPrecisionRecall);
    }
}
