package me.adsby.workbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import me.adsby.workbench.engine.model.BinaryMetrics;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final double EXACT = 1e-12;

    private static Evaluation evaluate(double[] scores, int... labels) {
        return Evaluator.defaults().evaluate(predictions(scores, labels));
    }

    static Predictions predictions(double[] scores, int... labels) {
        boolean[] y = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            y[i] = labels[i] == 1;
        }
        return Predictions.of(scores, y);
    }

    @Test
    void scikitLearnsDocumentedExample() {
        // sklearn's roc_auc_score and average_precision_score docs: y = [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8]
        // give AUC 0.75 and AP 0.8333...
        // AUC: pairs (pos, neg): 0.35 > 0.1, 0.35 < 0.4, 0.8 > 0.1, 0.8 > 0.4 -> 3 / 4.
        // AP, descending: 0.8 (1): P 1, R 1/2; 0.4 (0); 0.35 (1): P 2/3, R 1 -> 1/2 x 1 + 1/2 x 2/3 = 5/6.
        Evaluation e = evaluate(new double[] {0.1, 0.4, 0.35, 0.8}, 0, 0, 1, 1);
        assertThat(e.metric(Metric.AUC).value()).isCloseTo(0.75, within(EXACT));
        assertThat(e.metric(Metric.PR_AUC).value()).isCloseTo(5.0 / 6, within(EXACT));
    }

    @Test
    void tiedScoresCountHalfAndFormOneThreshold() {
        // Pairs: (0.8 > 0.5), (0.8 > 0.2), (0.5 = 0.5 -> 1/2), (0.5 > 0.2) -> 3.5 / 4.
        // AP: 0.8: TP 1, FP 0 -> 1/2 x 1; the tied 0.5s together: TP 2, FP 1 -> 1/2 x 2/3; total 5/6.
        Evaluation e = evaluate(new double[] {0.8, 0.5, 0.5, 0.2}, 1, 1, 0, 0);
        assertThat(e.metric(Metric.AUC).value()).isCloseTo(3.5 / 4, within(EXACT));
        assertThat(e.metric(Metric.PR_AUC).value()).isCloseTo(5.0 / 6, within(EXACT));
    }

    @Test
    void allEqualScores() {
        // One group: AUC = 4 half-wins / 4 pairs = 1/2; AP = 1 x precision 2/4; at 0.5 every example is predicted 1:
        // TP 2, FP 2 -> precision 1/2, recall 1, F1 = 4 / (4 + 2) = 2/3, accuracy 1/2. The best-F1 threshold is 0.5.
        Evaluation e = evaluate(new double[] {0.5, 0.5, 0.5, 0.5}, 1, 0, 1, 0);
        assertThat(e.metric(Metric.AUC).value()).isEqualTo(0.5);
        assertThat(e.metric(Metric.PR_AUC).value()).isEqualTo(0.5);
        assertThat(e.metric(Metric.PRECISION).value()).isEqualTo(0.5);
        assertThat(e.metric(Metric.RECALL).value()).isEqualTo(1.0);
        assertThat(e.metric(Metric.F1).value()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(e.metric(Metric.ACCURACY).value()).isEqualTo(0.5);
        assertThat(e.bestF1().threshold().value()).isEqualTo(0.5);
        // ROC: one step from (0, 0) straight to (1, 1).
        assertThat(e.rocCurve().orElseThrow().size()).isEqualTo(2);
    }

    @Test
    void aSingleClassLeavesTheRankingMetricsUndefined() {
        Evaluation positives = evaluate(new double[] {0.9, 0.2}, 1, 1);
        assertThat(positives.metric(Metric.AUC).isDefined()).isFalse();
        assertThat(positives.metric(Metric.AUC).undefinedReason()).isEqualTo("no negatives");
        // Every example positive: precision 1 at every threshold, AP = 1.
        assertThat(positives.metric(Metric.PR_AUC).value()).isEqualTo(1.0);
        assertThat(positives.rocCurve()).isEmpty();

        Evaluation negatives = evaluate(new double[] {0.9, 0.2}, 0, 0);
        assertThat(negatives.metric(Metric.AUC).undefinedReason()).isEqualTo("no positives");
        assertThat(negatives.metric(Metric.PR_AUC).isDefined()).isFalse();
        assertThat(negatives.metric(Metric.RECALL).isDefined()).isFalse();
        // 0.9 >= 0.5 is a false positive: precision 0 / 1 = 0 and F1 = 0 / (0 + 1 + 0) = 0 are defined.
        assertThat(negatives.metric(Metric.PRECISION).value()).isEqualTo(0.0);
        assertThat(negatives.metric(Metric.F1).value()).isEqualTo(0.0);
        assertThat(negatives.bestF1().threshold().isDefined()).isFalse();
        assertThat(negatives.metric(Metric.AUC).value()).isNaN();  // NaN only inside an undefined value
    }

    @Test
    void precisionWithoutPredictedPositivesIsUndefinedNotZero() {
        Evaluation e = evaluate(new double[] {0.1, 0.2}, 1, 0);
        assertThat(e.metric(Metric.PRECISION).isDefined()).isFalse();
        assertThat(e.metric(Metric.PRECISION).undefinedReason()).isEqualTo("no predicted positives");
        // Recall 0 / 1 and F1 2 x 0 / (0 + 0 + 1) are 0, and defined.
        assertThat(e.metric(Metric.RECALL).value()).isEqualTo(0.0);
        assertThat(e.metric(Metric.F1).value()).isEqualTo(0.0);
    }

    @Test
    void noExamplesLeavesEverythingUndefined() {
        Evaluation e = evaluate(new double[0]);
        for (Metric metric : Metric.values()) {
            assertThat(e.metric(metric).isDefined()).as(metric.key()).isFalse();
        }
    }

    @Test
    void thresholdIsInclusive() {
        // 0.5 >= 0.5 predicts 1: a true positive; 0.49 a true negative.
        Evaluation e = evaluate(new double[] {0.5, 0.49}, 1, 0);
        assertThat(e.confusion()).isEqualTo(new ConfusionMatrix(1, 0, 1, 0));
        Evaluation higher = Evaluator.defaults().withThreshold(0.6).evaluate(predictions(new double[] {0.5, 0.49}, 1, 0));
        assertThat(higher.confusion()).isEqualTo(new ConfusionMatrix(0, 0, 1, 1));
    }

    @Test
    void logLossAndBrierByHand() {
        // log loss (-ln 0.8 - ln(1 - 0.4)) / 2; Brier ((1 - 0.8)^2 + 0.4^2) / 2 = (0.04 + 0.16) / 2 = 0.1.
        Evaluation e = evaluate(new double[] {0.8, 0.4}, 1, 0);
        assertThat(e.metric(Metric.LOG_LOSS).value()).isCloseTo((-Math.log(0.8) - Math.log(0.6)) / 2, within(EXACT));
        assertThat(e.metric(Metric.BRIER).value()).isCloseTo(0.1, within(EXACT));
        // A certain mistake is clipped at 1e-15: -ln(1e-15) = 34.5387763949107 (15 ln 10).
        Evaluation wrong = evaluate(new double[] {0.0}, 1);
        assertThat(wrong.metric(Metric.LOG_LOSS).value()).isCloseTo(15 * Math.log(10), within(1e-9));
    }

    @Test
    void reliabilityBinsAndExpectedCalibrationError() {
        // Bin [0, 0.1): 0.05 and 0.05, one positive: mean 0.05, observed 0.5, gap 0.45.
        // Bin [0.9, 1]: 0.9 and 1.0 (1.0 belongs to the last bin), both positive: mean 0.95, observed 1, gap 0.05.
        // ECE = 2/4 x 0.45 + 2/4 x 0.05 = 0.25. Mean predicted (0.05 + 0.05 + 0.9 + 1) / 4 = 0.5, observed 3/4.
        Evaluation e = evaluate(new double[] {0.05, 0.05, 0.9, 1.0}, 0, 1, 1, 1);
        ReliabilityCurve curve = e.reliability();
        assertThat(curve.bins()).hasSize(10);
        assertThat(curve.bins().get(0).count()).isEqualTo(2);
        assertThat(curve.bins().get(0).observedRate().value()).isEqualTo(0.5);
        assertThat(curve.bins().get(9).count()).isEqualTo(2);
        assertThat(curve.bins().get(9).meanPredicted().value()).isCloseTo(0.95, within(EXACT));
        assertThat(curve.bins().get(5).meanPredicted().isDefined()).isFalse();
        assertThat(e.metric(Metric.ECE).value()).isCloseTo(0.25, within(EXACT));
        assertThat(e.meanPredicted().value()).isCloseTo(0.5, within(EXACT));
        assertThat(e.observedRate().value()).isEqualTo(0.75);
    }

    @Test
    void bestF1ThresholdByHand() {
        // Descending 0.9 (1), 0.8 (0), 0.7 (1), 0.1 (0); P = 2. F1 = 2 TP / (TP + FP + P) at each cut:
        // 0.9: 2 / 3; 0.8: 2 / 4; 0.7: 4 / 5 (best); 0.1: 4 / 6.
        Evaluation e = evaluate(new double[] {0.9, 0.8, 0.7, 0.1}, 1, 0, 1, 0);
        assertThat(e.bestF1().threshold().value()).isEqualTo(0.7);
        assertThat(e.bestF1().f1().value()).isCloseTo(0.8, within(EXACT));
    }

    @Test
    void rankingMetricsMatchTheirDefinitionsOnRandomTiedData() {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(300);
            double[] scores = new double[n];
            boolean[] labels = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = Math.round(random.nextDouble() * 20) / 20.0;  // many ties
                labels[i] = random.nextDouble() < 0.3;
            }
            Evaluation e = Evaluator.defaults().evaluate(Predictions.of(scores, labels));
            double auc = BinaryMetrics.rocAuc(scores, labels);  // the models' Mann-Whitney, separately written
            if (Double.isNaN(auc)) {
                assertThat(e.metric(Metric.AUC).isDefined()).isFalse();
            } else {
                assertThat(e.metric(Metric.AUC).value()).isCloseTo(auc, within(EXACT));
                assertThat(e.rocCurve().orElseThrow().area()).isCloseTo(auc, within(1e-9));
            }
            double ap = slowAveragePrecision(scores, labels);
            if (Double.isNaN(ap)) {
                assertThat(e.metric(Metric.PR_AUC).isDefined()).isFalse();
            } else {
                assertThat(e.metric(Metric.PR_AUC).value()).isCloseTo(ap, within(EXACT));
                assertThat(e.precisionRecallCurve().orElseThrow().area()).isCloseTo(ap, within(1e-9));
            }
        }
    }

    /**
     * AP straight from its definition, quadratically: for each distinct score t from the highest, precision and
     * recall of "score >= t", summing (R_t - R_previous) x P_t.
     */
    private static double slowAveragePrecision(double[] scores, boolean[] labels) {
        double[] thresholds = Arrays.stream(scores).distinct().sorted().toArray();
        long positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        double previousRecall = 0;
        for (int t = thresholds.length - 1; t >= 0; t--) {
            long tp = 0;
            long predicted = 0;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] >= thresholds[t]) {
                    predicted++;
                    tp += labels[i] ? 1 : 0;
                }
            }
            double recall = (double) tp / positives;
            ap += (recall - previousRecall) * tp / predicted;
            previousRecall = recall;
        }
        return ap;
    }

    @Test
    void singleMetricsAgreeWithTheEvaluation() {
        Predictions p = predictions(new double[] {0.1, 0.4, 0.35, 0.8, 0.0}, 0, 0, 1, 1, 1);
        Evaluation e = Evaluator.defaults().evaluate(p);
        assertThat(Metrics.rocAuc(p)).isEqualTo(e.metric(Metric.AUC));
        assertThat(Metrics.averagePrecision(p)).isEqualTo(e.metric(Metric.PR_AUC));
        assertThat(Metrics.logLoss(p).value()).isCloseTo(e.metric(Metric.LOG_LOSS).value(), within(EXACT));
        assertThat(Metrics.brier(p).value()).isCloseTo(e.metric(Metric.BRIER).value(), within(EXACT));
    }

    @Test
    void slicesHaveEveryMetricPerValue() {
        Predictions p = predictions(new double[] {0.9, 0.1, 0.8, 0.3, 0.6}, 1, 0, 0, 1, 1)
                .withSlice("device", new String[] {"mobile", "mobile", "desktop", "desktop", "mobile"});
        Map<String, Evaluation> slices = Evaluator.defaults().evaluateSlices(p, "device");
        assertThat(slices.keySet()).containsExactly("desktop", "mobile");
        // desktop: 0.8 (0), 0.3 (1): the positive is below the negative, AUC 0.
        assertThat(slices.get("desktop").metric(Metric.AUC).value()).isEqualTo(0.0);
        // mobile: 0.9 (1), 0.6 (1), 0.1 (0): AUC 1; three examples.
        assertThat(slices.get("mobile").metric(Metric.AUC).value()).isEqualTo(1.0);
        assertThat(slices.get("mobile").count()).isEqualTo(3);
    }

    @Test
    void scoresOutsideTheUnitIntervalAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> predictions(new double[] {1.5}, 1))
                .hasMessageContaining("not in [0, 1]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> predictions(new double[] {Double.NaN}, 1))
                .hasMessageContaining("not in [0, 1]");
    }

    @Test
    void scoreOrderIsDescendingAndStable() {
        SplittableRandom random = new SplittableRandom(3);
        double[] scores = new double[5000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(4) == 0 ? Math.round(random.nextDouble() * 10) / 10.0
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-300, 300));
        }
        scores[0] = -0.0;
        scores[1] = 0.0;
        int[] order = ScoreOrder.descending(scores);
        Integer[] expected = new Integer[scores.length];
        Arrays.setAll(expected, i -> i);
        // The reference: a stable boxed sort, highest first, -0.0 equal to 0.0.
        Arrays.sort(expected, (a, b) -> Double.compare(scores[b] + 0.0, scores[a] + 0.0));
        assertThat(order).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }
}
