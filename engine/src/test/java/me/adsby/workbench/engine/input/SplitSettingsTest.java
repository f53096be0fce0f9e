package me.adsby.workbench.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitSettingsTest {

    @Test
    void theValidationShareIsWithinABinomialBound() {
        SplitSettings split = SplitSettings.defaults();
        int validation = 0;
        for (long row = 1; row <= 10_000; row++) {
            if (split.ofRow(row) == Split.VALIDATION) {
                validation++;
            }
        }
        // Binomial(10,000, 0.2): mean 2,000, sd sqrt(10,000 * 0.2 * 0.8) = 40; 4 sd either side: 1,840..2,160.
        assertThat(validation).isBetween(1_840, 2_160);
    }

    @Test
    void aTextKeyLandsInTheSameSplitEveryTimeAndTheSeedMatters() {
        SplitSettings one = new SplitSettings("ad_id", 0.5, 1);
        SplitSettings same = new SplitSettings("ad_id", 0.5, 1);
        SplitSettings other = new SplitSettings("ad_id", 0.5, 2);
        int differ = 0;
        for (int i = 0; i < 1_000; i++) {
            String key = "ad-" + i;
            assertThat(same.ofText(key)).isEqualTo(one.ofText(key));
            assertThat(one.ofText("  " + key + " ")).as("blanks around the key are ignored").isEqualTo(one.ofText(key));
            if (other.ofText(key) != one.ofText(key)) {
                differ++;
            }
        }
        // Two independent fair splits disagree on each key with probability 1/2: Binomial(1,000, 0.5) has
        // mean 500 and sd sqrt(250) = 15.8; 4 sd either side: 437..563.
        assertThat(differ).isBetween(437, 563);
    }

    @Test
    void aZeroFractionPutsEveryRowInTraining() {
        SplitSettings split = new SplitSettings(null, 0, 7);
        for (long row = 1; row <= 1_000; row++) {
            assertThat(split.ofRow(row)).isEqualTo(Split.TRAIN);
        }
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new SplitSettings(null, 1.0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SplitSettings(null, -0.1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
