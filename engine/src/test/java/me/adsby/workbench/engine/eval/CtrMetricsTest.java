package me.adsby.workbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Normalized entropy and calibration, on data whose values are worked out by hand. */
class CtrMetricsTest {

    /** {@code n} examples scored {@code score}, the first {@code positives} of them clicked. */
    private static void fill(double[] scores, boolean[] labels, int from, int n, double score, int positives) {
        for (int i = 0; i < n; i++) {
            scores[from + i] = score;
            labels[from + i] = i < positives;
        }
    }

    @Test
    void normalizedEntropyIsTheLogLossOverTheBaseRatesEntropy() {
        // 4 examples, 1 positive, every score 0.25: the log loss equals the base rate's entropy, so NE = 1.
        double[] scores = {0.25, 0.25, 0.25, 0.25};
        boolean[] labels = {true, false, false, false};
        Evaluation e = Evaluator.defaults().metricsOnly(Predictions.of(scores, labels));
        assertThat(e.metric(Metric.NE).value()).isCloseTo(1.0, within(1e-12));

        // Scores 0.5 instead: log loss ln 2 = 0.693147; the entropy of 0.25 is
        // -(0.25 ln 0.25 + 0.75 ln 0.75) = 0.562335; NE = 1.232616.
        double[] half = {0.5, 0.5, 0.5, 0.5};
        Evaluation worse = Evaluator.defaults().metricsOnly(Predictions.of(half, labels));
        assertThat(worse.metric(Metric.NE).value()).isCloseTo(Math.log(2) / 0.5623351446188083, within(1e-12));

        boolean[] oneClass = {false, false, false, false};
        assertThat(Evaluator.defaults().metricsOnly(Predictions.of(half, oneClass)).metric(Metric.NE).isDefined()).isFalse();
    }

    @Test
    void aCalibratedModelHasRatioSlopeOneAndInterceptZero() {
        // 10 examples scored 0.2 with 2 clicks, 10 scored 0.5 with 5: each group's rate is its score.
        // Mean score (2 + 5) / 20 = 0.35 = the click rate 7 / 20: ratio 1. Two score values, so the logistic fit is
        // exact: logit(0.2) = a + b logit(0.2) and logit(0.5) = a + b * 0 give a = 0, b = 1.
        double[] scores = new double[20];
        boolean[] labels = new boolean[20];
        fill(scores, labels, 0, 10, 0.2, 2);
        fill(scores, labels, 10, 10, 0.5, 5);
        Calibration c = Calibration.of(Predictions.of(scores, labels));
        assertThat(c.ratio().value()).isCloseTo(1.0, within(1e-12));
        assertThat(c.slope().value()).isCloseTo(1.0, within(1e-9));
        assertThat(c.intercept().value()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void tooExtremeScoresHaveASlopeBelowOne() {
        // Scores 0.1 and 0.5 but click rates 0.2 and 0.5: the fit through (logit 0.1, logit 0.2) and (0, 0) has
        // a = 0 and b = logit(0.2) / logit(0.1) = -1.386294 / -2.197225 = 0.630930; the ratio is
        // (10 * 0.1 + 10 * 0.5) / 7 = 6 / 7.
        double[] scores = new double[20];
        boolean[] labels = new boolean[20];
        fill(scores, labels, 0, 10, 0.1, 2);
        fill(scores, labels, 10, 10, 0.5, 5);
        Calibration c = Calibration.of(Predictions.of(scores, labels));
        assertThat(c.slope().value()).isCloseTo(Math.log(0.25) / Math.log(1.0 / 9), within(1e-9));
        assertThat(c.intercept().value()).isCloseTo(0.0, within(1e-9));
        assertThat(c.ratio().value()).isCloseTo(6.0 / 7, within(1e-12));
    }

    @Test
    void oneScoreForEveryExampleHasNoSlope() {
        double[] scores = {0.3, 0.3, 0.3};
        boolean[] labels = {true, false, false};
        Calibration c = Calibration.of(Predictions.of(scores, labels));
        assertThat(c.ratio().value()).isCloseTo(0.9, within(1e-12));
        assertThat(c.slope().isDefined()).isFalse();
        assertThat(c.slope().undefinedReason()).isEqualTo("every score is the same");
    }
}
