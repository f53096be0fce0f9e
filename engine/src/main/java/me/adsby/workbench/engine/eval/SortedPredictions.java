package me.adsby.workbench.engine.eval;

/**
 * Predictions laid out once in descending score order, with each example's log-loss and squared-error terms
 * computed once, so that a metric pass (and each bootstrap resample) is additions over contiguous arrays.
 */
final class SortedPredictions {

    final double[] scores;
    final boolean[] labels;
    /** The example (row of the {@link Predictions}) at each position. */
    final int[] order;
    /** -log(p) for a positive, -log(1 - p) for a negative, p clipped to [eps, 1 - eps]; null for ranking only. */
    final double[] logLoss;
    /** (p - y)^2; null for ranking only. */
    final double[] squaredError;

    private SortedPredictions(double[] scores, boolean[] labels, int[] order, boolean withLosses) {
        int n = scores.length;
        this.order = order;
        this.scores = new double[n];
        this.labels = new boolean[n];
        this.logLoss = withLosses ? new double[n] : null;
        this.squaredError = withLosses ? new double[n] : null;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double p = scores[i];
            boolean y = labels[i];
            this.scores[k] = p;
            this.labels[k] = y;
            if (withLosses) {
                this.logLoss[k] = logLossTerm(p, y);
                double error = y ? 1 - p : p;
                this.squaredError[k] = error * error;
            }
        }
    }

    static SortedPredictions of(Predictions predictions) {
        double[] scores = predictions.scoreArray();
        return new SortedPredictions(scores, predictions.labelArray(), ScoreOrder.descending(scores), true);
    }

    /** Scores and labels in order only, for the ranking metrics. */
    static SortedPredictions ranking(Predictions predictions) {
        double[] scores = predictions.scoreArray();
        return new SortedPredictions(scores, predictions.labelArray(), ScoreOrder.descending(scores), false);
    }

    static double logLossTerm(double p, boolean positive) {
        double clipped = Math.min(1 - Metrics.LOG_LOSS_EPSILON, Math.max(Metrics.LOG_LOSS_EPSILON, p));
        return positive ? -Math.log(clipped) : -Math.log1p(-clipped);
    }

    int size() {
        return scores.length;
    }
}
