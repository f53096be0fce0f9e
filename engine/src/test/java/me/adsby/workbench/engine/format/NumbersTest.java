package me.adsby.workbench.engine.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void fourSignificantDigitsWithoutTrailingZeros() {
        assertThat(Numbers.format(14.3345)).isEqualTo("14.33");
        assertThat(Numbers.format(0.07)).isEqualTo("0.07");
        assertThat(Numbers.format(2000.0)).isEqualTo("2000");
        assertThat(Numbers.format(-3)).isEqualTo("-3");
        assertThat(Numbers.format(0.123456)).isEqualTo("0.1235");  // half-up at the fifth digit
        assertThat(Numbers.format(1.5e-7)).isEqualTo("1.5E-7");
        assertThat(Numbers.format(Double.NaN)).isEqualTo("–");
    }
}
