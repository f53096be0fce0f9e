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

    @Test
    void aTestPartIsLeftOutOfTrainingAndIsAllThatItsHeldOutSettingsPrepare() {
        SplitSettings training = new SplitSettings(null, 0.2, 42).withTest(0.1, Double.NaN);
        SplitSettings heldOut = training.heldOut();
        SplitSettings withoutTest = new SplitSettings(null, 0.2, 42);
        int test = 0;
        for (long row = 1; row <= 10_000; row++) {
            Split part = training.ofRow(row);
            Split scored = heldOut.ofRow(row);
            // A row is either prepared for training (train or validation) or held out, never both.
            assertThat(part == null).isEqualTo(scored == Split.TRAIN);
            assertThat(scored).isIn(null, Split.TRAIN);
            if (part == null) {
                test++;
            } else {
                // Holding out rows moves none between training and validation.
                assertThat(part).isEqualTo(withoutTest.ofRow(row));
            }
        }
        // Binomial(10,000, 0.1): mean 1,000, sd 30; 4 sd either side: 880..1,120.
        assertThat(test).isBetween(880, 1_120);
    }

    @Test
    void aTimeSplitWithATestPartValidatesBetweenItsCutoffsAndTestsAfterTheSecond() {
        // Times 1..10, 20% validation and 20% test: TimeCutoff keeps round(10 * 0.4) = 4 rows after the
        // validation cutoff (so it is 6) and round(10 * 0.2) = 2 after the test cutoff (8).
        double[] times = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double validationCutoff = TimeCutoff.cutoff(times, 0.4);
        double testCutoff = TimeCutoff.cutoff(times, 0.2);
        assertThat(validationCutoff).isEqualTo(6);
        assertThat(testCutoff).isEqualTo(8);
        SplitSettings split = SplitSettings.time("day", 0.2, validationCutoff).withTest(0.2, testCutoff);
        assertThat(split.ofTime(6)).isEqualTo(Split.TRAIN);
        assertThat(split.ofTime(7)).isEqualTo(Split.VALIDATION);
        assertThat(split.ofTime(8)).isEqualTo(Split.VALIDATION);
        assertThat(split.ofTime(9)).isNull();
        assertThat(split.heldOut().ofTime(9)).isEqualTo(Split.TRAIN);
        assertThat(split.heldOut().ofTime(7)).isNull();
        assertThatThrownBy(() -> SplitSettings.time("day", 0.2, 6).withTest(0.2, 5))
                .hasMessageContaining("test cutoff");
        assertThatThrownBy(() -> new SplitSettings(null, 0.6, 1).withTest(0.45, Double.NaN))
                .hasMessageContaining("testFraction");
    }

    @Test
    void theFoldsOfAKFoldSplitValidateEachRowExactlyOnceAndNeverATestRow() {
        // 4 folds below a 20% test part: each fold validates a quarter of the other 80%, i.e. 0.2 of the key range,
        // fold i on [0.2 (i - 1), 0.2 i).
        SplitSettings[] folds = new SplitSettings[4];
        for (int i = 0; i < 4; i++) {
            folds[i] = new SplitSettings(null, 0.2, 42).withTest(0.2, Double.NaN).withValidationStart(0.2 * i);
        }
        for (long row = 1; row <= 5_000; row++) {
            int validating = 0;
            int heldOut = 0;
            for (SplitSettings fold : folds) {
                Split part = fold.ofRow(row);
                validating += part == Split.VALIDATION ? 1 : 0;
                heldOut += part == null ? 1 : 0;
            }
            // A test row is held out of every fold; any other row validates in exactly one.
            assertThat(heldOut == 4 ? validating : validating + heldOut).as("row " + row).isEqualTo(heldOut == 4 ? 0 : 1);
        }
        assertThatThrownBy(() -> new SplitSettings(null, 0.25, 42).withTest(0.2, Double.NaN).withValidationStart(0.6))
                .hasMessageContaining("validationStart");
    }
}
