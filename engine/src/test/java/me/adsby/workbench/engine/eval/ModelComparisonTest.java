package me.adsby.workbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {

    private static final int N = 2000;

    /** Scores of a model that sees the latent click propensity through noise of the given size. */
    private static Predictions model(boolean[] labels, double[] latent, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] scores = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            scores[i] = 1 / (1 + Math.exp(-(latent[i] + noise * CurveDownsamplerTest.gaussian(random))));
        }
        String[] keys = new String[labels.length];
        java.util.Arrays.setAll(keys, i -> "ad-" + i);
        return Predictions.of(scores, labels).withKeys(keys);
    }

    private static boolean[] labels;
    private static double[] latent;

    static {
        SplittableRandom random = new SplittableRandom(99);
        labels = new boolean[N];
        latent = new double[N];
        for (int i = 0; i < N; i++) {
            // Calibrated: P(click | latent) = logistic(latent).
            latent[i] = 2 * CurveDownsamplerTest.gaussian(random) - 1;
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-latent[i]));
        }
    }

    @Test
    void aClearlyBetterModelIsBetterOnTheRankingAndLossMetrics() {
        Predictions weak = model(labels, latent, 3.0, 1);
        Predictions strong = model(labels, latent, 0.2, 2);
        List<MetricDifference> differences = new ModelComparison(0.5, new Bootstrap(300, 5))
                .compare(PairedPredictions.match(weak, strong));
        MetricDifference auc = find(differences, Metric.AUC);
        assertThat(auc.method()).isEqualTo(ModelComparison.DELONG);
        assertThat(auc.difference().value()).isPositive();
        assertThat(auc.pValue().orElseThrow()).isLessThan(1e-6);
        assertThat(auc.verdict()).isEqualTo(Verdict.BETTER);
        // Lower is better for these: a negative difference is BETTER.
        for (Metric metric : List.of(Metric.LOG_LOSS, Metric.BRIER)) {
            MetricDifference d = find(differences, metric);
            assertThat(d.method()).isEqualTo(ModelComparison.PAIRED_BOOTSTRAP);
            assertThat(d.difference().value()).as(metric.key()).isNegative();
            assertThat(d.verdict()).as(metric.key()).isEqualTo(Verdict.BETTER);
        }
        assertThat(find(differences, Metric.PR_AUC).verdict()).isEqualTo(Verdict.BETTER);
        // And the other way round it is WORSE.
        List<MetricDifference> reversed = new ModelComparison(0.5, new Bootstrap(300, 5))
                .compare(PairedPredictions.match(strong, weak));
        assertThat(find(reversed, Metric.AUC).verdict()).isEqualTo(Verdict.WORSE);
        assertThat(find(reversed, Metric.LOG_LOSS).verdict()).isEqualTo(Verdict.WORSE);
    }

    @Test
    void identicalModelsTieOnEveryMetric() {
        Predictions one = model(labels, latent, 1.0, 3);
        List<MetricDifference> differences = new ModelComparison(0.5, new Bootstrap(200, 5))
                .compare(PairedPredictions.match(one, one));
        for (MetricDifference d : differences) {
            assertThat(d.verdict()).as(d.metric().key()).isEqualTo(Verdict.TIE);
            assertThat(d.difference().value()).as(d.metric().key()).isZero();
        }
    }

    @Test
    void verdictsFollowEachMetricsDirection() {
        assertThat(Verdict.of(Metric.AUC, 0.01, 0.02)).isEqualTo(Verdict.BETTER);
        assertThat(Verdict.of(Metric.AUC, -0.02, -0.01)).isEqualTo(Verdict.WORSE);
        assertThat(Verdict.of(Metric.AUC, -0.01, 0.01)).isEqualTo(Verdict.TIE);
        assertThat(Verdict.of(Metric.LOG_LOSS, -0.02, -0.01)).isEqualTo(Verdict.BETTER);
        assertThat(Verdict.of(Metric.ECE, 0.01, 0.02)).isEqualTo(Verdict.WORSE);
        assertThat(Verdict.of(Metric.F1, Double.NaN, Double.NaN)).isEqualTo(Verdict.TIE);
    }

    @Test
    void matchesByKeyWhateverTheRowOrder() {
        Predictions a = model(labels, latent, 1.0, 4);
        Predictions b = model(labels, latent, 0.5, 5);
        int[] reversedRows = new int[N];
        java.util.Arrays.setAll(reversedRows, i -> N - 1 - i);
        String[] reversedKeys = new String[N];
        java.util.Arrays.setAll(reversedKeys, i -> "ad-" + (N - 1 - i));
        Predictions shuffled = b.subset(reversedRows).withKeys(reversedKeys);
        PairedPredictions pair = PairedPredictions.match(a, shuffled);
        assertThat(pair.candidate().scores()).containsExactly(b.scores());
    }

    @Test
    void mismatchesAreClearErrors() {
        Predictions a = EvaluatorTest.predictions(new double[] {0.1, 0.9}, 0, 1).withKeys(new String[] {"x", "y"});
        Predictions otherKeys = EvaluatorTest.predictions(new double[] {0.1, 0.9}, 0, 1).withKeys(new String[] {"x", "z"});
        assertThatThrownBy(() -> PairedPredictions.match(a, otherKeys))
                .hasMessageContaining("1 of the baseline's 2 keys are not in the candidate (e.g. 'y')");
        Predictions otherLabels = EvaluatorTest.predictions(new double[] {0.1, 0.9}, 1, 1);
        assertThatThrownBy(() -> PairedPredictions.match(a, otherLabels))
                .hasMessageContaining("labels of 1 matched examples differ, e.g. at row 1");
        Predictions longer = EvaluatorTest.predictions(new double[] {0.1, 0.9, 0.5}, 0, 1, 1);
        assertThatThrownBy(() -> PairedPredictions.match(a, longer))
                .hasMessageContaining("the baseline has 2 predictions and the candidate 3");
    }

    private static MetricDifference find(List<MetricDifference> differences, Metric metric) {
        return differences.stream().filter(d -> d.metric() == metric).findFirst().orElseThrow();
    }
}
