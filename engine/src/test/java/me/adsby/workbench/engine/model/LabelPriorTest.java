package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LabelPriorTest {

    @Test
    void theBiasStartsAtTheLogOddsOfThePositiveRate() {
        // 12 of 100: ln(0.12 / 0.88) = ln(0.136364) = -1.99243.
        assertThat(LabelPrior.of(12, 100).logit()).isCloseTo(-1.99243f, within(1e-5f));
        // Half and half: ln(1) = 0.
        assertThat(LabelPrior.of(50, 100).logit()).isEqualTo(0f);
    }

    @Test
    void aSplitOfOneClassGivesAFiniteStart() {
        // Clamped to 1e-4: ln(1e-4 / 0.9999) = -9.21024, and its negative for all positives.
        assertThat(LabelPrior.of(0, 40).logit()).isCloseTo(-9.21024f, within(1e-4f));
        assertThat(LabelPrior.of(40, 40).logit()).isCloseTo(9.21024f, within(1e-4f));
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> LabelPrior.of(5, 0)).hasMessageContaining("5 positives among 0 examples");
        assertThatThrownBy(() -> LabelPrior.of(6, 5)).hasMessageContaining("6 positives among 5 examples");
        assertThatThrownBy(() -> new LabelPrior(1.5)).hasMessageContaining("must be in [0, 1], was 1.5");
    }
}
