package me.adsby.workbench.engine.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates predictions: every {@link Metric}, the confusion matrix at a threshold, the F1-maximising
 * threshold, the reliability curve, and the ROC and precision–recall curves downsampled for plotting, from one
 * sort of the scores.
 *
 * @param threshold      score >= threshold predicts 1
 * @param maxCurvePoints the most points of each plotted curve
 */
public record Evaluator(double threshold, int maxCurvePoints) {

    public Evaluator {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold must be in [0, 1], was " + threshold);
        }
        if (maxCurvePoints < 2) {
            throw new IllegalArgumentException("a curve needs at least 2 points, asked for " + maxCurvePoints);
        }
    }

    /** Threshold 0.5, curves of at most 500 points. */
    public static Evaluator defaults() {
        return new Evaluator(Metrics.DEFAULT_THRESHOLD, CurveDownsampler.DEFAULT_MAX_POINTS);
    }

    public Evaluator withThreshold(double newThreshold) {
        return new Evaluator(newThreshold, maxCurvePoints);
    }

    public Evaluation evaluate(Predictions predictions) {
        SortedPredictions sorted = SortedPredictions.of(predictions);
        Curve roc = Curves.roc(sorted);
        Curve pr = Curves.precisionRecall(sorted);
        return MetricPass.evaluate(sorted, null, threshold).withCurves(
                roc == null ? null : roc.downsample(maxCurvePoints), pr == null ? null : pr.downsample(maxCurvePoints));
    }

    /** The metrics without the curves (cheaper when only numbers are wanted). */
    public Evaluation metricsOnly(Predictions predictions) {
        return MetricPass.evaluate(SortedPredictions.of(predictions), null, threshold);
    }

    /** Every metric per value of a slice column, the values in their natural order. */
    public Map<String, Evaluation> evaluateSlices(Predictions predictions, String column) {
        Map<String, Evaluation> result = new LinkedHashMap<>();
        predictions.bySlice(column).forEach((value, slice) -> result.put(value, evaluate(slice)));
        return result;
    }

    /** The full ROC curve (every corner); empty without both classes. */
    public static Optional<Curve> fullRocCurve(Predictions predictions) {
        return Optional.ofNullable(Curves.roc(SortedPredictions.of(predictions)));
    }

    /** The full precision–recall staircase; empty without positives. */
    public static Optional<Curve> fullPrecisionRecallCurve(Predictions predictions) {
        return Optional.ofNullable(Curves.precisionRecall(SortedPredictions.of(predictions)));
    }
}
