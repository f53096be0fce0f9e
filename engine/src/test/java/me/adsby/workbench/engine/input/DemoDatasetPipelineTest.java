package me.adsby.workbench.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import me.adsby.workbench.engine.demo.DemoDatasetGenerator;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.CancellationToken;
import me.adsby.workbench.storage.work.ProgressListener;

/** The pipeline on the demo generator's dataset: 120 rows, a PNG banner each. */
class DemoDatasetPipelineTest {

    private static final int ROWS = 120;

    @TempDir
    Path dir;

    private final CountingStore store = new CountingStore();
    private BlobUri csv;
    private Schema schema;

    @BeforeEach
    void writeDemo() throws IOException {
        Path data = dir.resolve("demo");
        new DemoDatasetGenerator(ROWS, 7).write(data, ProgressListener.NONE, Cancellation.NEVER);
        csv = BlobUri.local(data.resolve("ads.csv"));
        schema = Datasets.inferSchema(CsvSource.of(data.resolve("ads.csv"))).withLabel("clicked");
    }

    private static FeatureSpec spec(int imageSize) {
        return new FeatureSpec(List.of("hour_of_day", "bid_price_usd", "historical_ctr", "headline_length"),
                List.of("advertiser_category", "placement", "device", "banner_size"), "image", "clicked", imageSize);
    }

    private PreparedDataset prepare(BlobUri data, FeatureSpec spec, SplitSettings split, Path cache, Cancellation cancel,
                                    ProgressListener progress) throws IOException {
        return new InputPipeline().prepare(uri -> store, data, schema, spec, split, ErrorPolicy.failFast(), cache,
                progress, cancel);
    }

    private PreparedDataset prepare(FeatureSpec spec, Path cache) throws IOException {
        return prepare(csv, spec, SplitSettings.defaults(), cache, Cancellation.NEVER, ProgressListener.NONE);
    }

    @Test
    void everyRowAppearsExactlyOncePerEpochAcrossTrainingAndValidation() throws IOException {
        PreparedDataset dataset = prepare(spec(16), dir.resolve("cache"));
        assertThat(dataset.badRows()).isZero();
        assertThat(dataset.trainSize() + dataset.validationSize()).isEqualTo(ROWS);
        long positives = 0;
        for (Batch batch : Epochs.batches(dataset, Split.TRAIN, 32, 0)) {
            for (float label : batch.labels()) {
                positives += label == 1f ? 1 : 0;
            }
        }
        assertThat(positives).isPositive();
        assertThat(dataset.trainPositives()).isEqualTo(positives);
        // Binomial(120, 0.2): mean 24, sd sqrt(120 * 0.2 * 0.8) = 4.38; 4 sd either side: 6.5..41.5.
        assertThat(dataset.validationSize()).isBetween(7L, 41L);
        for (int epoch = 0; epoch < 2; epoch++) {
            List<Long> all = new ArrayList<>(Epochs.rows(dataset, Split.TRAIN, 32, epoch));
            all.addAll(Epochs.rows(dataset, Split.VALIDATION, 32, epoch));
            Collections.sort(all);
            assertThat(all).isEqualTo(LongStream.rangeClosed(1, ROWS).boxed().toList());
        }
    }

    @Test
    void theLastPartialBatchIsKept() throws IOException {
        PreparedDataset dataset = prepare(spec(16), dir.resolve("cache"));
        int train = (int) dataset.trainSize();
        List<Batch> batches = Epochs.batches(dataset, Split.TRAIN, 7, 0);
        // ceil(train / 7) batches, all of 7 but the last, which holds train - 7 * (batches - 1).
        assertThat(batches).hasSize((train + 6) / 7);
        assertThat(batches.get(batches.size() - 1).size()).isEqualTo(train - 7 * (batches.size() - 1));
        Batch first = batches.get(0);
        assertThat(first.numeric()).hasSize(7 * 4);
        assertThat(first.categorical()).hasSize(7 * 4);
        assertThat(first.pixels()).hasSize(7 * 16 * 16 * 3);
    }

    @Test
    void theSplitIsTheSameAcrossPreparationsAndBatchSizes() throws IOException {
        PreparedDataset one = prepare(spec(16), dir.resolve("cache-1"));
        PreparedDataset two = prepare(spec(16), dir.resolve("cache-2"));
        assertThat(two.cacheHit()).isFalse();
        assertThat(Set.copyOf(Epochs.rows(two, Split.VALIDATION, 50, 3)))
                .isEqualTo(Set.copyOf(Epochs.rows(one, Split.VALIDATION, 7, 0)));
        assertThat(Set.copyOf(Epochs.rows(two, Split.TRAIN, 50, 3)))
                .isEqualTo(Set.copyOf(Epochs.rows(one, Split.TRAIN, 7, 0)));
        // And each row is where the split settings say it is.
        for (long row : Epochs.rows(one, Split.VALIDATION, 7, 0)) {
            assertThat(SplitSettings.defaults().ofRow(row)).isEqualTo(Split.VALIDATION);
        }
    }

    @Test
    void aKeyColumnKeepsEachAdInItsSplitWhateverTheFileOrder() throws IOException {
        SplitSettings byAd = new SplitSettings("ad_id", 0.2, 9);
        PreparedDataset original = prepare(csv, spec(8), byAd, dir.resolve("cache"), Cancellation.NEVER, ProgressListener.NONE);
        // The same rows, reversed, in a CSV beside the original (so that the image paths still resolve).
        Path file = csv.toPath();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.reverse(body);
        body.add(0, lines.get(0));
        Path reversedFile = file.resolveSibling("reversed.csv");
        Files.write(reversedFile, body, StandardCharsets.UTF_8);
        PreparedDataset reversed = prepare(BlobUri.local(reversedFile), spec(8), byAd, dir.resolve("cache"),
                Cancellation.NEVER, ProgressListener.NONE);

        // Row r of the original is row ROWS + 1 - r of the reversed file.
        Set<Long> mapped = Epochs.rows(reversed, Split.VALIDATION, 16, 0).stream().map(r -> ROWS + 1 - r)
                .collect(Collectors.toSet());
        assertThat(mapped).isEqualTo(Set.copyOf(Epochs.rows(original, Split.VALIDATION, 16, 0)));
    }

    @Test
    void trainingIsShuffledPerEpochReproduciblyAndValidationIsInFileOrder() throws IOException {
        PreparedDataset dataset = prepare(spec(8), dir.resolve("cache"));
        List<Long> epoch0 = Epochs.rows(dataset, Split.TRAIN, 32, 0);
        List<Long> epoch1 = Epochs.rows(dataset, Split.TRAIN, 32, 1);
        assertThat(epoch1).isNotEqualTo(epoch0).containsExactlyInAnyOrderElementsOf(epoch0);
        assertThat(Epochs.rows(dataset, Split.TRAIN, 10, 1)).as("batch size does not change the order").isEqualTo(epoch1);
        PreparedDataset again = prepare(spec(8), dir.resolve("cache"));
        assertThat(Epochs.rows(again, Split.TRAIN, 32, 0)).isEqualTo(epoch0);
        // Another model seed shuffles the same examples into another order (about 96 training rows: two orders
        // coincide with odds 1 / 96!), and the same seed into the same one.
        List<Long> otherSeed = Epochs.rows(dataset.shuffledBy(43), Split.TRAIN, 32, 0);
        assertThat(otherSeed).isNotEqualTo(epoch0).containsExactlyInAnyOrderElementsOf(epoch0);
        assertThat(Epochs.rows(again.shuffledBy(43), Split.TRAIN, 32, 0)).isEqualTo(otherSeed);
        List<Long> validation = Epochs.rows(dataset, Split.VALIDATION, 32, 5);
        assertThat(validation).isSorted().isEqualTo(Epochs.rows(dataset, Split.VALIDATION, 32, 6));
    }

    @Test
    void theCacheIsHitUntilTheCsvOrTheImageSizeChanges() throws IOException {
        Path cache = dir.resolve("cache");
        PreparedDataset first = prepare(spec(16), cache);
        int decodes = store.imageOpens();
        assertThat(first.cacheHit()).isFalse();
        assertThat(decodes).isEqualTo(ROWS);

        PreparedDataset hit = prepare(spec(16), cache);
        assertThat(hit.cacheHit()).isTrue();
        assertThat(store.imageOpens()).as("no image decoded on a hit").isEqualTo(decodes);
        assertThat(hit.numericStatistics()).isEqualTo(first.numericStatistics());

        PreparedDataset otherSize = prepare(spec(24), cache);
        assertThat(otherSize.cacheHit()).isFalse();
        assertThat(store.imageOpens()).isEqualTo(2 * ROWS);

        // The same size, one byte changed: the first character of the last row's ad_id becomes "x".
        Path file = csv.toPath();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        String last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, "x" + last.substring(1));
        Files.write(file, lines, StandardCharsets.UTF_8);
        PreparedDataset changed = prepare(spec(16), cache);
        assertThat(changed.cacheHit()).isFalse();
        assertThat(changed.cacheFile()).isNotEqualTo(first.cacheFile());
        assertThat(store.imageOpens()).isEqualTo(3 * ROWS);
    }

    @Test
    void cancellingLeavesNoCacheFile() throws IOException {
        Path cache = dir.resolve("cache");
        CancellationToken token = new CancellationToken();
        // Progress is reported every 64 rows: cancel at the first report, half way through the 120 rows.
        ProgressListener cancelAtFirstReport = progress -> token.cancel();
        assertThatThrownBy(() -> prepare(csv, spec(16), SplitSettings.defaults(), cache, token, cancelAtFirstReport))
                .isInstanceOf(CancellationException.class);
        try (var files = Files.list(cache)) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(store.imageOpens()).isLessThan(ROWS);
    }

    @Test
    void theNumericStatisticsCoverTheTrainingRowsOnly() throws IOException {
        PreparedDataset dataset = prepare(spec(8), dir.resolve("cache"));
        // Recompute the mean and population std of the first feature from the training batches.
        Set<Long> seen = new HashSet<>();
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (Batch batch : Epochs.batches(dataset, Split.TRAIN, 25, 0)) {
            for (int i = 0; i < batch.size(); i++) {
                seen.add(batch.rows()[i]);
                double x = batch.numeric()[i * 4];
                sum += x;
                squares += x * x;
                n++;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(squares / n - mean * mean);
        NumericStatistics hour = dataset.numericStatistics().get(0);
        assertThat(hour.column()).isEqualTo("hour_of_day");
        assertThat(hour.count()).isEqualTo(n).isEqualTo(seen.size());
        assertThat(hour.mean()).isCloseTo(mean, within(1e-9));
        assertThat(hour.std()).isCloseTo(std, within(1e-6));
    }
}
