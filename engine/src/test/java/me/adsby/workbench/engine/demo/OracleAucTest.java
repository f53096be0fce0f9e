package me.adsby.workbench.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OracleAucTest {

    @Test
    void countsWinsOverAllPositiveNegativePairs() {
        // Positives 0.35 and 0.8, negatives 0.1 and 0.4: 0.35 beats 0.1 only, 0.8 beats both: 3 of 4 pairs.
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        boolean[] labels = {false, false, true, true};
        assertThat(OracleAuc.of(scores, labels)).isEqualTo(0.75);
    }

    @Test
    void countsTiesAsHalf() {
        // Positive 0.5 ties negative 0.5 (1/2) and beats negative 0.2 (1): 1.5 of 2 pairs.
        assertThat(OracleAuc.of(new double[] {0.5, 0.5, 0.2}, new boolean[] {true, false, false})).isEqualTo(0.75);
        assertThat(OracleAuc.of(new double[] {1, 1, 1, 1}, new boolean[] {true, false, true, false})).isEqualTo(0.5);
    }

    @Test
    void isUndefinedWithOneClassOnly() {
        assertThat(OracleAuc.of(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNaN();
    }
}
