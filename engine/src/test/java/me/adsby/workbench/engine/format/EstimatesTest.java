package me.adsby.workbench.engine.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import me.adsby.workbench.storage.dataset.stats.CategoricalSummary;
import me.adsby.workbench.storage.dataset.stats.DistinctCount;
import me.adsby.workbench.storage.dataset.stats.ValueCount;
import org.junit.jupiter.api.Test;

class EstimatesTest {

    @Test
    void anExactDistinctCountIsWrittenAsItIs() {
        assertThat(Estimates.distinct(DistinctCount.exact(5000))).isEqualTo("5000");
        assertThat(Estimates.bounds(DistinctCount.exact(5000))).isEmpty();
    }

    @Test
    void anEstimateSaysSoWithItsLargerRelativeDistanceToABound() {
        // 1000 between 970 and 1040: the upper bound is 40 away, 4.0% of 1000.
        DistinctCount estimate = new DistinctCount(1000, true, 970, 1040);

        assertThat(Estimates.distinct(estimate)).isEqualTo("≈1000 ±4.0%");
        assertThat(Estimates.bounds(estimate)).isEqualTo("970 to 1040");
    }

    @Test
    void boundsRoundOutwards() {
        assertThat(Estimates.bounds(new DistinctCount(1000, true, 970.6, 1039.2))).isEqualTo("970 to 1040");
    }

    @Test
    void aCountFromASketchSaysHowFarItMayBeOff() {
        CategoricalSummary exact = new CategoricalSummary(10, List.of(new ValueCount("a", 7)), true, 0);
        CategoricalSummary estimated = new CategoricalSummary(10, List.of(new ValueCount("a", 7)), false, 3);

        assertThat(Estimates.count(7, exact)).isEqualTo("7");
        assertThat(Estimates.count(7, estimated)).isEqualTo("≈7 ±3");
    }
}
