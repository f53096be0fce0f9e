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
        return ranking(predictions)[0];
    }

    /** Average precision, step-wise as scikit-learn's {@code average_precision_score}; undefined without positives. */
    public static MetricValue averagePrecision(Predictions predictions) {
        return ranking(predictions)[1];
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

    /** {ROC AUC, average precision} from one sort, by the group walk of {@link MetricPass}. */
    private static MetricValue[] ranking(Predictions predictions) {
        SortedPredictions sorted = SortedPredictions.ranking(predictions);
        double[] scores = sorted.scores;
        boolean[] labels = sorted.labels;
        long positives = predictions.positives();
        long negatives = predictions.negatives();
        long twiceAuc = 0;
        double averagePrecision = 0;
        long tp = 0;
        long fp = 0;
        int k = 0;
        while (k < scores.length) {
            double score = scores[k];
            long groupTp = 0;
            long groupFp = 0;
            while (k < scores.length && scores[k] == score) {
                if (labels[k]) {
                    groupTp++;
                } else {
                    groupFp++;
                }
                k++;
            }
            twiceAuc += groupFp * (2 * tp + groupTp);
            tp += groupTp;
            fp += groupFp;
            if (groupTp > 0) {
                averagePrecision += (double) groupTp / positives * ((double) tp / (tp + fp));
            }
        }
        String singleClass = scores.length == 0 ? "no examples" : positives == 0 ? "no positives" : "no negatives";
        return new MetricValue[] {
            positives == 0 || negatives == 0 ? MetricValue.undefined(singleClass)
                    : MetricValue.of(twiceAuc / (2.0 * positives * negatives)),
            positives == 0 ? MetricValue.undefined(scores.length == 0 ? "no examples" : "no positives")
                    : MetricValue.of(averagePrecision)};
    }
}
