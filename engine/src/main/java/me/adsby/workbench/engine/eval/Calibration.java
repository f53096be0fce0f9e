package me.adsby.workbench.engine.eval;

/**
 * How well a CTR model's probabilities match the clicks, beyond ranking:
 * <ul>
 *   <li>the calibration ratio, mean predicted CTR / observed CTR (1 is calibrated; above 1 over-predicts);</li>
 *   <li>the calibration slope and intercept: the logistic regression {@code P(click) = sigmoid(a + b logit(score))}
 *       fitted by maximum likelihood (Newton's method). A calibrated model has {@code b = 1, a = 0}; {@code b < 1}
 *       says its scores are too extreme (over-confident), {@code b > 1} too timid.</li>
 * </ul>
 * Scores are clipped to [1e-15, 1 - 1e-15] before the logit, as for the log loss.
 *
 * @param ratio     mean score / positive rate; undefined without positives
 * @param slope     b; undefined with one class, or when every score is the same (nothing to regress on)
 * @param intercept a; undefined when the slope is
 */
public record Calibration(MetricValue ratio, MetricValue slope, MetricValue intercept) {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-12;

    /** By JSON key: {@code calibration_ratio}, {@code calibration_slope}, {@code calibration_intercept}. */
    public java.util.Map<String, MetricValue> values() {
        java.util.Map<String, MetricValue> values = new java.util.LinkedHashMap<>();
        values.put("calibration_ratio", ratio);
        values.put("calibration_slope", slope);
        values.put("calibration_intercept", intercept);
        return values;
    }

    /** Adds {@link #values()} to {@code json}, an undefined one as null. */
    public void putInto(java.util.Map<String, Object> json) {
        values().forEach((key, value) -> json.put(key, value.orNull()));
    }

    public static Calibration of(Predictions predictions) {
        double[] scores = predictions.scoreArray();
        boolean[] labels = predictions.labelArray();
        long positives = predictions.positives();
        double scoreSum = 0;
        double[] x = new double[scores.length];
        boolean varies = false;
        for (int i = 0; i < scores.length; i++) {
            scoreSum += scores[i];
            double p = Math.min(1 - Metrics.LOG_LOSS_EPSILON, Math.max(Metrics.LOG_LOSS_EPSILON, scores[i]));
            x[i] = Math.log(p / (1 - p));
            varies |= x[i] != x[0];
        }
        MetricValue ratio = positives == 0 ? MetricValue.undefined("no positives")
                : MetricValue.of(scoreSum / positives);
        if (positives == 0 || positives == scores.length) {
            String why = scores.length == 0 ? "no examples" : positives == 0 ? "no positives" : "no negatives";
            return new Calibration(ratio, MetricValue.undefined(why), MetricValue.undefined(why));
        }
        if (!varies) {
            String why = "every score is the same";
            return new Calibration(ratio, MetricValue.undefined(why), MetricValue.undefined(why));
        }
        double[] fit = newton(x, labels);
        if (fit == null) {
            String why = "the fit does not converge (the scores separate the classes)";
            return new Calibration(ratio, MetricValue.undefined(why), MetricValue.undefined(why));
        }
        return new Calibration(ratio, MetricValue.of(fit[1]), MetricValue.of(fit[0]));
    }

    /** {intercept, slope} maximising the Bernoulli likelihood, or null when Newton's method does not converge. */
    private static double[] newton(double[] x, boolean[] labels) {
        double a = 0;
        double b = 1;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            for (int i = 0; i < x.length; i++) {
                double p = 1 / (1 + Math.exp(-(a + b * x[i])));
                double residual = (labels[i] ? 1 : 0) - p;
                double weight = p * (1 - p);
                ga += residual;
                gb += residual * x[i];
                haa += weight;
                hab += weight * x[i];
                hbb += weight * x[i] * x[i];
            }
            double determinant = haa * hbb - hab * hab;
            if (!(determinant > 0) || !Double.isFinite(determinant)) {
                return null;
            }
            double da = (hbb * ga - hab * gb) / determinant;
            double db = (haa * gb - hab * ga) / determinant;
            a += da;
            b += db;
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                return null;
            }
            if (Math.abs(da) < TOLERANCE && Math.abs(db) < TOLERANCE) {
                return new double[] {a, b};
            }
        }
        return null;
    }
}
