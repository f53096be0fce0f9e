package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    @Test
    void aucCountsTiesAsHalf() {
        // Pairs (positive, negative): (0.8 > 0.2), (0.8 > 0.5), (0.5 = 0.5 -> 1/2), (0.5 > 0.2) -> 3.5 / 4.
        float[] scores = {0.8f, 0.5f, 0.5f, 0.2f};
        float[] labels = {1f, 1f, 0f, 0f};
        assertThat(BinaryMetrics.rocAuc(scores, labels)).isEqualTo(3.5 / 4);
    }

    @Test
    void aucIsOneForAPerfectRankingAndZeroForAReversedOne() {
        float[] labels = {0f, 0f, 1f, 1f};
        assertThat(BinaryMetrics.rocAuc(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, labels)).isEqualTo(1.0);
        assertThat(BinaryMetrics.rocAuc(new float[] {0.4f, 0.3f, 0.2f, 0.1f}, labels)).isEqualTo(0.0);
        assertThat(BinaryMetrics.rocAuc(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, labels)).isEqualTo(0.5);
    }

    @Test
    void aucMatchesTheCountOfAllPairs() {
        SplittableRandom random = new SplittableRandom(9);
        float[] scores = new float[300];
        float[] labels = new float[300];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(20) / 20f;
            labels[i] = random.nextDouble() < scores[i] ? 1f : 0f;
        }
        double wins = 0;
        long pairs = 0;
        for (int p = 0; p < scores.length; p++) {
            for (int n = 0; n < scores.length; n++) {
                if (labels[p] == 1f && labels[n] == 0f) {
                    pairs++;
                    wins += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
                }
            }
        }
        assertThat(BinaryMetrics.rocAuc(scores, labels)).isCloseTo(wins / pairs, within(1e-12));
    }

    @Test
    void aucOfOneClassIsNaN() {
        assertThat(BinaryMetrics.rocAuc(new float[] {0.1f, 0.9f}, new float[] {1f, 1f})).isNaN();
    }

    @Test
    void accuracyThresholdsAtHalf() {
        float[] scores = {0.9f, 0.5f, 0.49f, 0.1f};
        float[] labels = {1f, 0f, 0f, 1f};
        assertThat(BinaryMetrics.accuracy(scores, labels)).isEqualTo(0.5);
    }
}
