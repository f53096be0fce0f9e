package me.adsby.workbench.engine.eval;

/**
 * Single metrics of scores against labels, each from one sort (or none). {@link Evaluator} computes all of them
 * from one sort.
 */
public final class Metrics {

    /**
     * Scores are clipped to [EPS, 1 - EPS] before the log loss, so a confident mistake costs about 34.5 nats
     * instead of infinity: 1e-15, scikit-learn's {@code log_loss} default before version 1.3 (which moved to the
     * float type's machine epsilon).
     */
    public static final double LOG_LOSS_EPSILON = 1e-15;

    /** The default threshold: score >= 0.5 predicts 1. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private Metrics() {
    }

    /** ROC AUC with ties counted 1/2; undefined with a single class. */
    public static MetricValue rocAuc(Predictions predictions) {
        return ranking(predictions).metric(Metric.AUC);
    }

    /** Average precision, step-wise as scikit-learn's {@code average_precision_score}; undefined without positives. */
    public static MetricValue averagePrecision(Predictions predictions) {
        return ranking(predictions).metric(Metric.PR_AUC);
    }

    /** Mean log loss with scores clipped to [{@link #LOG_LOSS_EPSILON}, 1 - {@link #LOG_LOSS_EPSILON}]. */
    public static MetricValue logLoss(Predictions predictions) {
        double[] scores = predictions.scoreArray();
        boolean[] labels = predictions.labelArray();
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            sum += SortedPredictions.logLossTerm(scores[i], labels[i]);
        }
        return MetricValue.ratio(sum, scores.length, "no examples");
    }

    /** Mean squared difference of score and label. */
    public static MetricValue brier(Predictions predictions) {
        double[] scores = predictions.scoreArray();
        boolean[] labels = predictions.labelArray();
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double error = labels[i] ? 1 - scores[i] : scores[i];
            sum += error * error;
        }
        return MetricValue.ratio(sum, scores.length, "no examples");
    }

    private static Evaluation ranking(Predictions predictions) {
        return MetricPass.evaluate(SortedPredictions.of(predictions), null, DEFAULT_THRESHOLD);
    }
}
