package me.adsby.workbench.storage.dataset.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.TestCsv;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.StatisticsOptions;
import me.adsby.workbench.storage.dataset.stats.ValueCount;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

class DriftTest {

    @Test
    void lInfinityOfTheBriefsExample() {
        // base a: 0.5, b: 0.5; candidate a: 0.8, b: 0.2 -> max(|0.5 - 0.8|, |0.5 - 0.2|) = 0.3
        double d = Distances.lInfinity(List.of(new ValueCount("a", 5), new ValueCount("b", 5)), 10,
                List.of(new ValueCount("a", 8), new ValueCount("b", 2)), 10);
        assertThat(d).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void lInfinityCountsValuesOnOneSideOnly() {
        // base a: 1.0; candidate a: 0.4, c: 0.6 -> max(|1 - 0.4|, |0 - 0.6|) = 0.6
        double d = Distances.lInfinity(List.of(new ValueCount("a", 3)), 3,
                List.of(new ValueCount("a", 2), new ValueCount("c", 3)), 5);
        assertThat(d).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void jensenShannonByHand() {
        // P = [0.5, 0.5], Q = [1, 0], M = [0.75, 0.25]
        // KL(P||M) = 0.5 log2(0.5/0.75) + 0.5 log2(0.5/0.25) = 0.5 (-0.5849625) + 0.5 (1) = 0.2075187
        // KL(Q||M) = 1 log2(1/0.75) + 0 = 0.4150375
        // JS = (0.2075187 + 0.4150375) / 2 = 0.3112781
        assertThat(Distances.jensenShannon(new double[] {1, 1}, new double[] {4, 0}))
                .isCloseTo(0.3112781, within(1e-7));
    }

    @Test
    void jensenShannonBounds() {
        assertThat(Distances.jensenShannon(new double[] {1, 2, 3}, new double[] {2, 4, 6})).isEqualTo(0);
        assertThat(Distances.jensenShannon(new double[] {1, 0}, new double[] {0, 1})).isCloseTo(1, within(1e-12));
    }

    private static DatasetStatistics stats(String name, String text, Schema schema) throws IOException {
        CsvSource source = TestCsv.text(name, text);
        return Datasets.statistics(source, schema, StatisticsOptions.defaults(), ProgressListener.NONE,
                Cancellation.NEVER);
    }

    @Test
    void detectorUsesSharedBinsAndFlagsAboveTheThreshold() throws IOException {
        String base = "x,color,clicked\n1,red,0\n2,red,1\n3,blue,0\n4,blue,0\n";
        String candidate = "x,color,clicked\n3,red,0\n4,red,1\n5,red,0\n6,red,0\n";
        Schema schema = Datasets.inferSchema(TestCsv.text("b.csv", base));
        DatasetStatistics b = stats("b.csv", base, schema);
        DatasetStatistics c = stats("c.csv", candidate, schema);
        DriftReport report = DriftDetector.compare(b, c, 0.1, 5);
        // x: union range [1, 6], 5 bins of width 1: [1,2] (2,3] (3,4] (4,5] (5,6]
        // base [2,1,1,0,0] -> P = [.5,.25,.25,0,0]; candidate [0,1,1,1,1] -> Q = [0,.25,.25,.25,.25]
        // M = [.25,.25,.25,.125,.125]; KL(P||M) = .5 log2(2) = .5; KL(Q||M) = 2 (.25 log2(2)) = .5; JS = .5
        FeatureDrift x = report.features().get(0);
        assertThat(x.feature()).isEqualTo("x");
        assertThat(x.measure()).isEqualTo(DriftMeasure.JENSEN_SHANNON);
        assertThat(x.value()).isCloseTo(0.5, within(1e-12));
        assertThat(x.drifted()).isTrue();
        assertThat(x.estimated()).isFalse();
        assertThat(x.formula()).contains("log2");
        // color: red .5 vs 1, blue .5 vs 0 -> L-infinity .5
        FeatureDrift color = report.features().get(1);
        assertThat(color.measure()).isEqualTo(DriftMeasure.L_INFINITY);
        assertThat(color.value()).isCloseTo(0.5, within(1e-12));
        // clicked (the label): 1 of 4 positive in both -> 0, not drifted
        FeatureDrift clicked = report.features().get(2);
        assertThat(clicked.value()).isEqualTo(0);
        assertThat(clicked.drifted()).isFalse();
        assertThat(report.drifted()).extracting(FeatureDrift::feature).containsExactly("x", "color");
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    void sameSnapshotHasNoDrift() throws IOException {
        String text = "x,color\n1.5,a\n2.5,b\n9,a\n";
        Schema schema = Datasets.inferSchema(TestCsv.text("a.csv", text));
        DatasetStatistics s = stats("a.csv", text, schema);
        DriftReport report = Datasets.compare(s, s, DriftDetector.DEFAULT_THRESHOLD);
        assertThat(report.features()).extracting(FeatureDrift::value).containsExactly(0.0, 0.0);
        assertThat(report.drifted()).isEmpty();
    }
}
