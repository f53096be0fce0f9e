package me.adsby.workbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /**
     * n/2 positives with z ~ N(d, 1) and n/2 negatives with z ~ N(0, 1), scores logistic(z) (monotone, so the AUC
     * is that of z): the true AUC is P(Z_pos > Z_neg) = Phi(d / sqrt 2).
     */
    private static Predictions binormal(int n, double d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2 == 0;
            double z = CurveDownsamplerTest.gaussian(random) + (labels[i] ? d : 0);
            scores[i] = 1 / (1 + Math.exp(-z));
        }
        return Predictions.of(scores, labels);
    }

    @Test
    void theAucIntervalCoversTheTrueAucAboutNinetyFivePercentOfTheTime() {
        double d = 1;
        double trueAuc = 0.5 * NormalDistribution.erfc(-d / Math.sqrt(2) / Math.sqrt(2));  // Phi(1 / sqrt 2) = 0.76025
        assertThat(trueAuc).isCloseTo(0.76025, within(1e-5));
        int seeds = 200;
        int covered = 0;
        for (int seed = 0; seed < seeds; seed++) {
            Map<Metric, ConfidenceInterval> intervals = new Bootstrap(200, seed)
                    .intervals(binormal(200, d, 1000 + seed), 0.5);
            covered += intervals.get(Metric.AUC).contains(trueAuc) ? 1 : 0;
        }
        // Expected 0.95; the binomial standard deviation over 200 seeds is sqrt(0.95 x 0.05 / 200) = 0.015, and the
        // percentile bootstrap runs a little narrow at n = 200: accept [0.89, 0.99], about -4 and +2.5 SDs.
        assertThat(covered / (double) seeds).isBetween(0.89, 0.99);
    }

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        Predictions p = binormal(300, 1, 5);
        Map<Metric, ConfidenceInterval> first = new Bootstrap(300, 7).intervals(p, 0.5);
        Map<Metric, ConfidenceInterval> again = new Bootstrap(300, 7).intervals(p, 0.5);
        Map<Metric, ConfidenceInterval> other = new Bootstrap(300, 8).intervals(p, 0.5);
        assertThat(again).isEqualTo(first);
        assertThat(other.get(Metric.AUC)).isNotEqualTo(first.get(Metric.AUC));
        // Each interval holds the point estimate here (a sanity check, not a law), and every metric has one.
        Evaluation estimate = Evaluator.defaults().evaluate(p);
        for (Metric metric : Metric.values()) {
            ConfidenceInterval interval = first.get(metric);
            assertThat(interval.isDefined()).as(metric.key()).isTrue();
            assertThat(interval.definedResamples()).isEqualTo(300);
            assertThat(interval.lower()).as(metric.key()).isLessThanOrEqualTo(estimate.metric(metric).value());
            assertThat(interval.upper()).as(metric.key()).isGreaterThanOrEqualTo(estimate.metric(metric).value());
        }
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        // 0..100: the 2.5th percentile sits at h = 100 x 0.025 = 2.5, between 2 and 3 -> 2.5; the 97.5th at 97.5.
        double[] values = new double[101];
        for (int i = 0; i <= 100; i++) {
            values[i] = 100 - i;
        }
        ConfidenceInterval interval = ConfidenceInterval.percentile(values);
        assertThat(interval.lower()).isCloseTo(2.5, within(1e-12));
        assertThat(interval.upper()).isCloseTo(97.5, within(1e-12));
    }

    @Test
    void drawsAreNDrawsWithReplacement() {
        int[] counts = Bootstrap.draw(1000, new SplittableRandom(1));
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(1000);
        // About 1 - 1/e = 63.2% of examples drawn at least once; 4 SDs of a binomial are about 6 points.
        long drawn = java.util.Arrays.stream(counts).filter(c -> c > 0).count();
        assertThat(drawn).isBetween(570L, 690L);
    }
}
