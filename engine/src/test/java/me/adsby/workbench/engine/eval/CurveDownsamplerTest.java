package me.adsby.workbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CurveDownsamplerTest {

    /** Binormal scores (positives shifted by 1), squashed into (0, 1) by the logistic function; 30% positives. */
    private static Predictions binormal(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.3;
            double z = gaussian(random) + (labels[i] ? 1 : 0);
            scores[i] = 1 / (1 + Math.exp(-z));
        }
        return Predictions.of(scores, labels);
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void downsampledCurvesKeepTheirAreaWithinTheStatedBound() {
        Predictions p = binormal(100_000, 11);
        Evaluation e = Evaluator.defaults().evaluate(p);
        Curve fullRoc = Evaluator.fullRocCurve(p).orElseThrow();
        Curve fullPr = Evaluator.fullPrecisionRecallCurve(p).orElseThrow();
        assertThat(fullRoc.size()).isGreaterThan(10_000);
        // The full curves' areas are the metrics (trapezoids over the ROC corners; the PR staircase's steps).
        assertThat(fullRoc.area()).isCloseTo(e.metric(Metric.AUC).value(), within(1e-9));
        assertThat(fullPr.area()).isCloseTo(e.metric(Metric.PR_AUC).value(), within(1e-9));
        for (Curve[] pair : new Curve[][] {{fullRoc, e.rocCurve().orElseThrow()},
            {fullPr, e.precisionRecallCurve().orElseThrow()}}) {
            Curve drawn = pair[1];
            assertThat(drawn.size()).isLessThanOrEqualTo(500);
            double d = drawn.maxDeviation();
            double bound = d * (drawn.length() + Math.PI * d / 2);
            double difference = Math.abs(drawn.area() - pair[0].area());
            assertThat(difference).isLessThanOrEqualTo(bound + 1e-12);
            // Stated tolerance for 500 points: the drawn area is the full one within 1e-3.
            assertThat(difference).isLessThan(1e-3);
        }
    }

    @Test
    void pointsOnStraightStretchesGoFirst() {
        // A polyline with 3 corners and 1,000 points along its straight pieces: only the corners and ends stay.
        int per = 250;
        double[] x = new double[4 * per + 1];
        double[] y = new double[4 * per + 1];
        double[][] corners = {{0, 0}, {0.2, 0.6}, {0.5, 0.9}, {0.7, 0.95}, {1, 1}};
        for (int piece = 0; piece < 4; piece++) {
            for (int i = 0; i < per; i++) {
                double t = (double) i / per;
                x[piece * per + i] = corners[piece][0] + t * (corners[piece + 1][0] - corners[piece][0]);
                y[piece * per + i] = corners[piece][1] + t * (corners[piece + 1][1] - corners[piece][1]);
            }
        }
        x[4 * per] = 1;
        y[4 * per] = 1;
        Curve drawn = new Curve(x, y, 0).downsample(500);
        assertThat(drawn.x()).containsExactly(0, 0.2, 0.5, 0.7, 1);
        assertThat(drawn.y()).containsExactly(0, 0.6, 0.9, 0.95, 1);
        assertThat(drawn.maxDeviation()).isLessThanOrEqualTo(2 * CurveDownsampler.TOLERANCE);
        assertThat(drawn.area()).isCloseTo(new Curve(x, y, 0).area(), within(1e-12));
    }

    @Test
    void aPerfectRankingHasOneCorner() {
        Evaluation e = Evaluator.defaults().evaluate(EvaluatorTest.predictions(new double[] {0.1, 0.2, 0.8, 0.9},
                0, 0, 1, 1));
        Curve roc = e.rocCurve().orElseThrow();
        assertThat(roc.x()).containsExactly(0, 0, 1);
        assertThat(roc.y()).containsExactly(0, 1, 1);
        // PR: precision 1 up to recall 1, then the negatives drop it to 3/4 and 1/2 at recall 1.
        Curve pr = e.precisionRecallCurve().orElseThrow();
        assertThat(pr.area()).isEqualTo(1.0);
    }
}
