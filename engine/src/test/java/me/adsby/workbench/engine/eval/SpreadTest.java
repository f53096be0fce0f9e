package me.adsby.workbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void threeRunsGiveTheMeanTheSampleSdAndStudentsInterval() {
        // 1, 2, 3: mean 2, sd sqrt(((1-2)^2 + 0 + (3-2)^2) / 2) = 1. Student's t at 0.975 with 2 degrees of freedom
        // is 4.302653 (any t table), so the half-width is 4.302653 / sqrt(3) = 2.484138.
        Spread spread = Spread.of(new double[] {1, 2, Double.NaN, 3});

        assertThat(spread.count()).isEqualTo(3);
        assertThat(spread.mean()).isEqualTo(2);
        assertThat(spread.sd()).isCloseTo(1, within(1e-12));
        assertThat(spread.low()).isCloseTo(2 - 2.484138, within(1e-6));
        assertThat(spread.high()).isCloseTo(2 + 2.484138, within(1e-6));
    }

    @Test
    void oneRunHasNoSpreadAndNoneHasNothing() {
        Spread one = Spread.of(new double[] {0.7});
        assertThat(one.mean()).isEqualTo(0.7);
        assertThat(one.sd()).isNaN();
        assertThat(one.low()).isNaN();
        assertThat(Spread.of(new double[] {Double.NaN})).isNull();
    }
}
