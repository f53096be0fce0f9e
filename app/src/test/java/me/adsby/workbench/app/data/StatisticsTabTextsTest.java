package me.adsby.workbench.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import me.adsby.workbench.storage.dataset.stats.CategoricalSummary;
import me.adsby.workbench.storage.dataset.stats.DistinctCount;
import me.adsby.workbench.storage.dataset.stats.ValueCount;
import org.junit.jupiter.api.Test;

class StatisticsTabTextsTest {

    @Test
    void anEstimatedDistinctCountShowsItsErrorAndBounds() {
        // 1000 between 970 and 1040: the upper bound is 40 away, 4.0% of 1000.
        assertThat(StatisticsTab.Texts.distinct(new DistinctCount(1000, true, 970, 1040)))
                .isEqualTo("≈1000 ±4.0% (95%: 970 to 1040)");
        assertThat(StatisticsTab.Texts.distinct(DistinctCount.exact(12))).isEqualTo("12");
    }

    @Test
    void aTopValuesEstimatedCountShowsTheMostItMayBeOffBy() {
        CategoricalSummary estimated = new CategoricalSummary(100, List.of(new ValueCount("a", 40)), false, 5);

        assertThat(StatisticsTab.Texts.count(40, estimated)).isEqualTo("≈40 ±5");
    }
}
