package me.adsby.workbench.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The labels depend on the banner as documented, and enough that seeing the image pays. Uses {@code ads()}
 * on 20,000 rows: no rendering.
 */
class VisualSignalTest {

    private static final int ROWS = 20_000;

    @Test
    void highContrastButtonsAreClickedMoreAndThirdsMatchTheModel() {
        List<DemoAd> ads = new ArrayList<>(new DemoDatasetGenerator(ROWS, 2024).ads());
        ads.sort(Comparator.comparingDouble(DemoAd::ctaContrast));
        int third = ads.size() / 3;
        List<DemoAd> low = ads.subList(0, third);
        List<DemoAd> high = ads.subList(ads.size() - third, ads.size());

        double lowRate = clickRate(low);
        double highRate = clickRate(high);
        // Binomial standard error of each third's rate, and of their difference.
        double seDifference = Math.sqrt(lowRate * (1 - lowRate) / low.size() + highRate * (1 - highRate) / high.size());
        assertThat(highRate - lowRate).isGreaterThan(10 * seDifference);

        for (List<DemoAd> group : List.of(low, ads.subList(third, ads.size() - third), high)) {
            // Under the model the clicks of a group are independent Bernoulli(p_i): mean sum p_i / n,
            // standard error sqrt(sum p_i (1 - p_i)) / n.
            double meanProbability = group.stream().mapToDouble(DemoAd::clickProbability).average().orElseThrow();
            double se = Math.sqrt(group.stream().mapToDouble(a -> a.clickProbability() * (1 - a.clickProbability())).sum())
                    / group.size();
            assertThat(clickRate(group)).isCloseTo(meanProbability, within(4 * se));
        }
    }

    @Test
    void theOracleWithTheImageBeatsTheOracleWithoutIt() {
        for (long seed : new long[] {42, 7}) {
            List<DemoAd> ads = new DemoDatasetGenerator(ROWS, seed).ads();
            double withImage = rankSumAuc(ads, DemoAd::clickProbability);
            double tabularOnly = rankSumAuc(ads, DemoAd::tabularLogit);
            assertThat(withImage - tabularOnly).as("seed %d: %.4f vs %.4f", seed, withImage, tabularOnly)
                    .isGreaterThanOrEqualTo(0.04);
            assertThat(tabularOnly).as("the tabular terms carry signal too").isGreaterThan(0.55);
            // The generator's own AUC (a sweep over tied groups) agrees with this rank sum.
            DemoStatistics statistics = DemoStatistics.of(ads);
            assertThat(statistics.oracleAuc()).isCloseTo(withImage, within(1e-12));
            assertThat(statistics.tabularOracleAuc()).isCloseTo(tabularOnly, within(1e-12));
        }
    }

    @Test
    void theOverallClickRateSuitsADemo() {
        // The intercept is documented as chosen for a click rate of about 12%; accept 8% to 18%.
        double rate = clickRate(new DemoDatasetGenerator(ROWS, DemoDatasetGenerator.DEFAULT_SEED).ads());
        assertThat(rate).isBetween(0.08, 0.18);
    }

    private static double clickRate(List<DemoAd> ads) {
        return ads.stream().filter(DemoAd::clicked).count() / (double) ads.size();
    }

    /** Mann–Whitney AUC by rank sum: (sum of the positives' mid-ranks - P(P+1)/2) / (P N). */
    private static double rankSumAuc(List<DemoAd> ads, ToDoubleFunction<DemoAd> score) {
        List<DemoAd> sorted = new ArrayList<>(ads);
        sorted.sort(Comparator.comparingDouble(score));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && score.applyAsDouble(sorted.get(j)) == score.applyAsDouble(sorted.get(i))) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0; // ranks i+1 .. j share their mean
            for (int k = i; k < j; k++) {
                if (sorted.get(k).clicked()) {
                    positiveRankSum += midRank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = sorted.size() - positives;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
