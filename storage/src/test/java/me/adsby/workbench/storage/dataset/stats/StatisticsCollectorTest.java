package me.adsby.workbench.storage.dataset.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.TestCsv;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaInference;
import me.adsby.workbench.storage.image.ImageFacts;
import me.adsby.workbench.storage.image.ImageProbe;
import me.adsby.workbench.storage.image.ImageStatus;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

class StatisticsCollectorTest {

    /** Six good rows (lines 2-7) and one bad (line 8: price abc). */
    private static final String TABLE = """
            id,price,color,clicked,img
            1,1,red,1,a.png
            2,2,red,0,b.png
            3,3,blue,0,c.png
            4,4,,1,d.png
            5,10,red,0,e.png
            6,NA,green,0,f.png
            7,abc,red,0,g.png
            """;

    private static final ImageProbe PROBE = reference -> switch (reference) {
        case "a.png" -> new ImageFacts(ImageStatus.OK, 100, 50, 1000, "");
        case "b.png" -> new ImageFacts(ImageStatus.OK, 200, 100, 2000, "");
        case "d.png" -> new ImageFacts(ImageStatus.OK, 300, 150, -1, "");
        case "c.png" -> new ImageFacts(ImageStatus.MISSING, 0, 0, -1, "no such file");
        default -> new ImageFacts(ImageStatus.UNDECODABLE, 0, 0, 10, "not an image");
    };

    private static Schema schema() throws IOException {
        return SchemaInference.infer(TestCsv.text("t.csv", TABLE), 6);
    }

    private static StatisticsOptions options(int bins) {
        return new StatisticsOptions(ErrorPolicy.skipAndCount(), 10_000, bins, null, 0, 100);
    }

    private static DatasetStatistics collect(CsvSource source, Schema schema, StatisticsOptions options)
            throws IOException {
        return StatisticsCollector.collect(source, schema, options, ProgressListener.NONE, Cancellation.NEVER);
    }

    @Test
    void numericColumnMatchesHandComputedValues() throws IOException {
        DatasetStatistics stats = collect(TestCsv.text("t.csv", TABLE), schema(), options(9));
        assertThat(stats.rowsRead()).isEqualTo(7);
        assertThat(stats.goodRows()).isEqualTo(6);
        assertThat(stats.badRows()).isEqualTo(1);
        assertThat(stats.problemCounts()).isEqualTo(Map.of(ProblemKind.NOT_A_NUMBER, 1L));
        assertThat(stats.problems().get(0).line()).isEqualTo(8);

        ColumnStatistics price = stats.column("price").orElseThrow();
        assertThat(price.present()).isEqualTo(5);
        assertThat(price.missing()).isEqualTo(1);
        assertThat(price.distinct()).isEqualTo(DistinctCount.exact(5));
        NumericSummary n = price.numeric();
        // values 1, 2, 3, 4, 10: mean 20 / 5 = 4; squared deviations 9 + 4 + 1 + 0 + 36 = 50;
        // sample variance 50 / (5 - 1) = 12.5; std sqrt(12.5) = 3.5355339...
        assertThat(n.count()).isEqualTo(5);
        assertThat(n.min()).isEqualTo(1);
        assertThat(n.max()).isEqualTo(10);
        assertThat(n.mean()).isCloseTo(4.0, within(1e-12));
        assertThat(n.stdDev()).isCloseTo(3.5355339059, within(1e-9));
        // nearest rank, inclusive: F(1)=.2, F(2)=.4, F(3)=.6, F(4)=.8, F(10)=1 (exact: 5 values < k = 200)
        assertThat(n.quantiles()).isEqualTo(new Quantiles(1, 1, 2, 3, 4, 10, 10));
        // 9 bins of width 1 on [1, 10]: [1,2] holds 1 and 2, (2,3] 3, (3,4] 4, (9,10] 10
        assertThat(n.histogram().edges()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(n.histogram().counts()).containsExactly(2, 1, 1, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void rowsAcrossSeveralBatchesAreEachCountedOnce() throws IOException {
        // Rows are accumulated in batches of 1,024 on another thread: 2,051 rows fill two and start a third.
        // x = 1 .. 2051, missing when divisible by 10 (205 rows); clicked = 1 for odd x; color c(x mod 3).
        int rows = 2 * RowBatch.CAPACITY + 3;
        StringBuilder text = new StringBuilder("x,color,clicked\n");
        for (int x = 1; x <= rows; x++) {
            text.append(x % 10 == 0 ? "" : Integer.toString(x)).append(",c").append(x % 3).append(',')
                    .append(x % 2).append('\n');
        }
        CsvSource source = TestCsv.text("t.csv", text.toString());

        DatasetStatistics stats = collect(source, SchemaInference.infer(source, 100), options(20));

        assertThat(stats.goodRows()).isEqualTo(2051);
        ColumnStatistics x = stats.column("x").orElseThrow();
        assertThat(x.missing()).isEqualTo(205);
        // sum(1..2051) - 10 * sum(1..205) = 2,104,326 - 211,150 = 1,893,176 over 1,846 numbers
        assertThat(x.numeric().count()).isEqualTo(1846);
        assertThat(x.numeric().mean()).isCloseTo(1_893_176.0 / 1846, within(1e-9));
        assertThat(x.distinct()).isEqualTo(DistinctCount.exact(1846));
        // x mod 3 = 0 for 3, 6, .., 2049 (683 rows); 1 and 2 for 684 rows each
        assertThat(stats.column("color").orElseThrow().categorical().values()).containsExactly(
                new ValueCount("c1", 684), new ValueCount("c2", 684), new ValueCount("c0", 683));
        // odd x: 1, 3, .., 2051 (1,026 rows)
        assertThat(stats.label()).isEqualTo(new LabelBalance(1026, 1025, 0, 1026.0 / 2051));
    }

    @Test
    void categoricalLabelAndKeyColumns() throws IOException {
        DatasetStatistics stats = collect(TestCsv.text("t.csv", TABLE), schema(), options(20));
        ColumnStatistics color = stats.column("color").orElseThrow();
        assertThat(color.present()).isEqualTo(5);
        assertThat(color.missing()).isEqualTo(1);
        assertThat(color.distinct()).isEqualTo(DistinctCount.exact(3));
        assertThat(color.categorical().exact()).isTrue();
        assertThat(color.categorical().values()).containsExactly(new ValueCount("red", 3),
                new ValueCount("blue", 1), new ValueCount("green", 1));
        assertThat(color.categorical().top(1)).containsExactly(new ValueCount("red", 3));
        // clicked: 1, 0, 0, 1, 0, 0 over the good rows: 2 positives, 4 negatives, rate 2 / 6
        assertThat(stats.label()).isEqualTo(new LabelBalance(2, 4, 0, 1.0 / 3));
        assertThat(stats.column("id").orElseThrow().role()).isEqualTo(ColumnRole.KEY);
        assertThat(stats.column("id").orElseThrow().distinct().value()).isEqualTo(6);
        assertThat(stats.image()).isNull();
    }

    @Test
    void probesEveryImage() throws IOException {
        DatasetStatistics stats = collect(TestCsv.text("t.csv", TABLE), schema(), options(20).withImageProbe(PROBE, 0));
        ImageSummary image = stats.image();
        assertThat(image.references()).isEqualTo(6);
        assertThat(image.probed()).isEqualTo(6);
        assertThat(image.sampled()).isFalse();
        assertThat(image.statusCounts()).isEqualTo(Map.of(ImageStatus.OK, 3L, ImageStatus.MISSING, 1L,
                ImageStatus.UNDECODABLE, 2L));
        assertThat(image.okShare()).isEqualTo(0.5); // 3 of 6
        assertThat(image.width().mean()).isEqualTo(200); // (100 + 200 + 300) / 3
        assertThat(image.height().max()).isEqualTo(150);
        assertThat(image.bytes().count()).isEqualTo(2); // d.png's size is unknown
        assertThat(image.bytes().mean()).isEqualTo(1500);
    }

    @Test
    void probesAnEvenlySpreadSample() throws IOException {
        // limit 2 over a..f: keeps a, b; at c halves to a (stride 2) and keeps c; at e halves to a (stride 4),
        // keeps e: probes a (OK) and e (UNDECODABLE)
        DatasetStatistics stats = collect(TestCsv.text("t.csv", TABLE), schema(), options(20).withImageProbe(PROBE, 2));
        assertThat(stats.image().probed()).isEqualTo(2);
        assertThat(stats.image().sampled()).isTrue();
        assertThat(stats.image().statusCounts()).isEqualTo(Map.of(ImageStatus.OK, 1L, ImageStatus.UNDECODABLE, 1L));
    }

    @Test
    void beyondTheCapDistinctCountsAreEstimated() throws IOException {
        DatasetStatistics stats = collect(TestCsv.text("t.csv", TABLE), schema(), options(20).withDistinctCap(2));
        DistinctCount colors = stats.column("color").orElseThrow().distinct();
        assertThat(colors.estimated()).isTrue();
        assertThat(colors.value()).isEqualTo(3); // HLL is exact-ish at such tiny counts
        assertThat(stats.column("color").orElseThrow().categorical().exact()).isFalse();
        assertThat(stats.column("color").orElseThrow().categorical().top(1).get(0).value()).isEqualTo("red");
        DistinctCount prices = stats.column("price").orElseThrow().distinct();
        assertThat(prices.estimated()).isTrue();
        assertThat(prices.value()).isEqualTo(5);
    }

    @Test
    void stopAfterPolicyThrowsWithTheProblems() throws IOException {
        StatisticsOptions strict = options(20).withPolicy(ErrorPolicy.failFast());
        assertThatThrownBy(() -> collect(TestCsv.text("t.csv", TABLE), schema(), strict))
                .isInstanceOf(BadDataException.class)
                .hasMessage("t.csv:8: column 'price' expects a number, found 'abc'");
    }

    @Test
    void largeColumnQuantilesWithinTheKllBound() throws IOException {
        // 1..100,000 shuffled: mean (n + 1) / 2 = 50,000.5; sample variance n (n + 1) / 12 = 833,341,666.67,
        // std 28,867.6577; quantile p lies within the KLL rank error (1.33% at 99%, k = 200) of p * n
        List<Integer> values = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            values.add(i);
        }
        Collections.shuffle(values, new Random(7));
        StringBuilder text = new StringBuilder("x\n");
        values.forEach(v -> text.append(v).append('\n'));
        CsvSource source = TestCsv.text("big.csv", text.toString());
        DatasetStatistics stats = collect(source, SchemaInference.infer(source), options(20));
        NumericSummary x = stats.column("x").orElseThrow().numeric();
        assertThat(x.mean()).isCloseTo(50_000.5, within(1e-6));
        assertThat(x.stdDev()).isCloseTo(28_867.6577, within(1e-3));
        assertThat(x.quantiles().p50()).isCloseTo(50_000, within(1_330.0));
        assertThat(x.quantiles().p99()).isCloseTo(99_000, within(1_330.0));
        assertThat(stats.column("x").orElseThrow().distinct().estimated()).isTrue();
        assertThat(stats.column("x").orElseThrow().distinct().value()).isCloseTo(100_000L,
                org.assertj.core.data.Percentage.withPercentage(5));
        // 20 bins of 1..100,000: about 5,000 each
        for (double count : x.histogram().counts()) {
            assertThat(count).isCloseTo(5_000, within(1_330.0));
        }
    }

    @Test
    void serialisesToJson() throws IOException {
        DatasetStatistics stats = collect(TestCsv.text("t.csv", TABLE), schema(), options(20).withImageProbe(PROBE, 0));
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(stats);
        assertThat(json).contains("\"positiveRate\"").contains("\"cumulativeWeights\"").contains("\"okShare\":0.5");
        DatasetStatistics back = mapper.readValue(json, DatasetStatistics.class);
        assertThat(back.column("price").orElseThrow().numeric().mean()).isEqualTo(4.0);
        assertThat(back.label()).isEqualTo(stats.label());
    }
}
