package me.adsby.workbench.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Random, group and time splits of one file: 200 rows of 20 ads (ad k is on rows k, k + 20, k + 40, ...), with a
 * day column that is the row number. Every expectation follows from that layout.
 */
class SplitKindsTest {

    private static final int ROWS = 200;
    private static final int ADS = 20;
    private static final Schema SCHEMA = new Schema(List.of(
            new ColumnSchema("row_id", 0, ColumnType.INTEGER, ColumnRole.KEY),
            new ColumnSchema("ad_id", 1, ColumnType.CATEGORICAL, ColumnRole.GROUP),
            new ColumnSchema("day", 2, ColumnType.INTEGER, ColumnRole.FEATURE),
            new ColumnSchema("price", 3, ColumnType.FLOAT, ColumnRole.FEATURE),
            new ColumnSchema("clicked", 4, ColumnType.BINARY, ColumnRole.LABEL)));
    private static final FeatureSpec SPEC = new FeatureSpec(List.of("price"), List.of(), null, "clicked", 0);

    @TempDir
    Path dir;

    private BlobUri csv;

    @BeforeEach
    void write() throws IOException {
        StringBuilder text = new StringBuilder("row_id,ad_id,day,price,clicked\n");
        for (int row = 1; row <= ROWS; row++) {
            text.append(row).append(",ad-").append(row % ADS).append(',').append(row).append(',').append(row * 0.5)
                    .append(',').append(row % 3 == 0 ? 1 : 0).append('\n');
        }
        Path file = dir.resolve("ads.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        csv = BlobUri.local(file);
    }

    private PreparedDataset prepare(SplitSettings split) throws IOException {
        LocalBlobStore store = new LocalBlobStore();
        return new InputPipeline().prepare(uri -> store, csv, SCHEMA, SPEC, split, ErrorPolicy.skipAndCount(),
                dir.resolve("cache"), ProgressListener.NONE, Cancellation.NEVER);
    }

    /** The ad of each row of a split: row r shows ad r mod 20. */
    private static Set<Long> ads(PreparedDataset data, Split split) {
        return Epochs.rows(data, split, 64, 1).stream().map(row -> row % ADS).collect(Collectors.toSet());
    }

    @Test
    void aRandomSplitByRowPutsTheSameAdOnBothSidesAndTheCheckCountsIt() throws IOException {
        PreparedDataset data = prepare(new SplitSettings(null, 0.3, 7));

        Set<Long> shared = new HashSet<>(ads(data, Split.TRAIN));
        shared.retainAll(ads(data, Split.VALIDATION));
        long validationRowsOfSharedAds = Epochs.rows(data, Split.VALIDATION, 64, 1).stream()
                .filter(row -> shared.contains(row % ADS)).count();
        // 10 rows an ad, 30% validation: an ad has all 10 rows on one side with probability about
        // 0.7^10 + 0.3^10 = 0.028, so nearly every ad is on both sides; the check must count exactly those.
        assertThat(shared).hasSizeGreaterThan(15);
        assertThat(data.leakage()).extracting(LeakageFinding::column).containsExactly("ad_id");
        LeakageFinding adLeak = data.leakage().get(0);
        assertThat(adLeak.sharedValues()).isEqualTo(shared.size());
        assertThat(adLeak.distinctValues()).isEqualTo(ADS);
        assertThat(adLeak.validationRows()).isEqualTo(validationRowsOfSharedAds);
        assertThat(adLeak.describe()).contains("--split group:ad_id");
    }

    @Test
    void aGroupSplitKeepsEveryAdOnOneSide() throws IOException {
        PreparedDataset data = prepare(SplitSettings.group("ad_id", 0.3, 7));

        Set<Long> train = ads(data, Split.TRAIN);
        Set<Long> validation = ads(data, Split.VALIDATION);
        assertThat(train).doesNotContainAnyElementsOf(validation);
        assertThat(train.size() + validation.size()).isEqualTo(ADS);
        // Whole ads move: every side holds a multiple of 10 rows.
        assertThat(data.trainSize() % 10).isZero();
        assertThat(data.validationSize()).isEqualTo(10L * validation.size());
        assertThat(data.leakage()).isEmpty();
    }

    @Test
    void theSplitSeedChoosesWhichAdsValidate() throws IOException {
        Set<Long> first = ads(prepare(SplitSettings.group("ad_id", 0.5, 1)), Split.VALIDATION);
        Set<Long> second = ads(prepare(SplitSettings.group("ad_id", 0.5, 2)), Split.VALIDATION);
        Set<Long> again = ads(prepare(SplitSettings.group("ad_id", 0.5, 1)), Split.VALIDATION);
        assertThat(again).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aTimeSplitValidatesOnTheLatestRows() throws IOException {
        // 200 days, 25%: the latest round(200 * 0.25) = 50 rows validate, so the cutoff is day 150.
        double cutoff = TimeCutoff.choose(CsvSource.of(csv.toPath()), "day", 0.25, Cancellation.NEVER);
        assertThat(cutoff).isEqualTo(150.0);
        PreparedDataset data = prepare(SplitSettings.time("day", 0.25, cutoff));

        List<Long> validation = new ArrayList<>(Epochs.rows(data, Split.VALIDATION, 64, 1));
        assertThat(validation).hasSize(50).allMatch(row -> row > 150);
        assertThat(Epochs.rows(data, Split.TRAIN, 64, 1)).hasSize(150).allMatch(row -> row <= 150);
    }

    @Test
    void aRowWithoutATimeIsABadRowNamingItsLine() throws IOException {
        Path file = dir.resolve("ads.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(3, "3,ad-3,someday,1.5,1");  // data row 3, on line 4
        Files.write(file, lines);

        PreparedDataset data = prepare(SplitSettings.time("day", 0.25, 150));

        assertThat(data.badRowCounts()).isEqualTo(Map.of(BadRowKind.NOT_A_TIME, 1L));
        assertThat(data.problems().get(0).toString()).startsWith(csv + ":4: ").contains("'someday'");
    }

    @Test
    void cutoffsWithTiesKeepTheTiesInTraining() {
        // Sorted 1,2,3,4,5 and 40%: the latest 2 rows (4, 5) validate, cutoff 3.
        assertThat(TimeCutoff.cutoff(new double[] {5, 1, 3, 2, 4}, 0.4)).isEqualTo(3.0);
        // Sorted 1,2,2,2,3 and 40%: the 4th row (2) would be the cutoff's neighbour; ties with it train,
        // so only the 3 is later than the cutoff 2.
        assertThat(TimeCutoff.cutoff(new double[] {2, 1, 2, 3, 2}, 0.4)).isEqualTo(2.0);
    }

    @Test
    void timesReadAsNumbersOrIsoDates() {
        TimeValues times = new TimeValues();
        assertThat(times.parse("1796083200")).isEqualTo(1796083200.0);
        // 2026-12-01T00:00Z is 1,796,083,200 s after the epoch (20,788 days); 20:15 adds 72,900 s.
        assertThat(times.parse("2026-12-01")).isEqualTo(1796083200.0);
        assertThat(times.parse("2026-12-01T20:15")).isEqualTo(1796156100.0);
        assertThat(times.parse("2026-12-01 20:15:00")).isEqualTo(1796156100.0);
        assertThat(times.parse("2026-12-01T21:15:00+01:00")).isEqualTo(1796156100.0);
        assertThat(times.parse("2026-12-01T20:15:00Z")).isEqualTo(1796156100.0);
        assertThat(times.parse("someday")).isNaN();
        assertThat(times.parse(" ")).isNaN();
    }

    @Test
    void theLeakageCheckCountsSharedValuesAndTheValidationRowsThatHoldThem() {
        // Training shows a, b; validation shows a, c, a: a is shared (1 of 3 values), on 2 validation rows.
        LeakageCheck check = new LeakageCheck(List.of("ad_id"), new int[] {1});
        check.add(Split.TRAIN, new String[] {"a"});
        check.add(Split.TRAIN, new String[] {"b"});
        check.add(Split.VALIDATION, new String[] {"a"});
        check.add(Split.VALIDATION, new String[] {"c"});
        check.add(Split.VALIDATION, new String[] {" a "});

        assertThat(check.findings()).containsExactly(new LeakageFinding("ad_id", 1, 3, 2));
    }

}
