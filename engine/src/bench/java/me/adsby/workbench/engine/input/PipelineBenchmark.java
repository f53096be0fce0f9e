package me.adsby.workbench.engine.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import me.adsby.workbench.engine.demo.DemoDatasetGenerator;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Examples per second of the input pipeline at a 64 x 64 image size with 8 numeric and 4 categorical
 * features (reported by the {@code examples} counter, in ops/s = examples/s):
 * <ul>
 *   <li>{@code prepareFromScratch}: end to end from the CSV and image files, the first epoch's cost: stream
 *       the CSV, decode and letterbox every image on the default 2 threads, write the cache (deleted before each
 *       preparation).</li>
 *   <li>{@code readEpochFromCache}: a later epoch, the training split shuffled, batch 256, from the prepared
 *       cache (memory-mapped) with the default prefetch.</li>
 *   <li>{@code widenPixelsPeer}: the peer of the last: only turning the same number of pixel bytes into the
 *       floats a {@link Batch} holds, from a byte array in memory, on one thread (a bound for reading).</li>
 * </ul>
 * Data: the real JPEG ads of {@code ../../shared/data/ad-perceptions} (2,865 rows) when that folder exists
 * beside the checkout, else 1,000 rows of the demo generator's PNG banners. Either CSV is copied into a temporary
 * folder with numeric columns added to make 8 (ad-perceptions has 7 numeric columns besides the label, the demo
 * 5), its images reached through a symbolic link (ad-perceptions) or written there (demo).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx4g"})
public class PipelineBenchmark {

    private static final int IMAGE_SIZE = 64;
    private static final int BATCH = 256;
    private static final Path REAL = Path.of("../../shared/data/ad-perceptions/ads.csv");
    private static final int DEMO_ROWS = 1_000;

    /** Examples processed, reported as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Examples {
        public long examples;

        @Setup(Level.Iteration)
        public void reset() {
            examples = 0;
        }
    }

    private Path root;
    private BlobUri csv;
    private Schema schema;
    private FeatureSpec spec;
    private Path scratchCache;
    private PreparedDataset prepared;
    private int epoch;
    private byte[] pixelBytes;
    private final LocalBlobStore store = new LocalBlobStore();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory("pipeline-bench");
        Path data = root.resolve("data");
        if (Files.isRegularFile(REAL)) {
            Files.createDirectories(data);
            Path real = REAL.toAbsolutePath().normalize();
            Files.createSymbolicLink(data.resolve("images"), real.getParent().resolve("images"));
            writeWithExtraColumns(real, data.resolve("ads.csv"), 1);
            spec = new FeatureSpec(List.of("pid", "ad_id", "image_width", "image_height", "n_content_labels",
                    "participant_ad_attitude", "extra_1", "row_id"),
                    List.of("parent_domain", "content_labels", "participant_adblocker", "participant_political_affiliation"),
                    "image_path", "label_positive", IMAGE_SIZE);
            System.out.println("PipelineBenchmark: real JPEGs from " + real);
        } else {
            System.out.println("PipelineBenchmark: " + REAL.toAbsolutePath().normalize()
                    + " is absent; using " + DEMO_ROWS + " rows of demo PNG banners instead");
            new DemoDatasetGenerator(DEMO_ROWS, DemoDatasetGenerator.DEFAULT_SEED).write(data, ProgressListener.NONE,
                    Cancellation.NEVER);
            Path original = data.resolve("ads.csv");
            Path copy = data.resolve("ads-original.csv");
            Files.move(original, copy);
            writeWithExtraColumns(copy, original, 3);
            spec = new FeatureSpec(List.of("hour_of_day", "bid_price_usd", "historical_ctr", "headline_length", "has_discount",
                    "extra_1", "extra_2", "extra_3"),
                    List.of("advertiser_category", "placement", "device", "banner_size"), "image", "clicked", IMAGE_SIZE);
        }
        Path file = data.resolve("ads.csv");
        csv = BlobUri.local(file);
        schema = Datasets.inferSchema(CsvSource.of(file)).withLabel(spec.label());
        scratchCache = root.resolve("scratch-cache");
        prepared = prepare(root.resolve("cache"));
        System.out.printf(Locale.ROOT, "PipelineBenchmark: %d training + %d validation examples, %d bad rows%n",
                prepared.trainSize(), prepared.validationSize(), prepared.badRows());
        pixelBytes = new byte[BATCH * IMAGE_SIZE * IMAGE_SIZE * 3];
        for (int i = 0; i < pixelBytes.length; i++) {
            pixelBytes[i] = (byte) (i * 31);
        }
    }

    /** Copies a CSV without quoted fields, appending {@code extra} numeric columns computed from the row number. */
    private static void writeWithExtraColumns(Path from, Path to, int extra) throws IOException {
        List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        StringBuilder header = new StringBuilder(lines.get(0));
        for (int k = 1; k <= extra; k++) {
            header.append(",extra_").append(k);
        }
        out.add(header.toString());
        for (int row = 1; row < lines.size(); row++) {
            StringBuilder line = new StringBuilder(lines.get(row));
            for (int k = 1; k <= extra; k++) {
                line.append(',').append(String.format(Locale.ROOT, "%.3f", (row * 37 % 101) / (double) k));
            }
            out.add(line.toString());
        }
        Files.write(to, out, StandardCharsets.UTF_8);
    }

    private PreparedDataset prepare(Path cache) throws IOException {
        return new InputPipeline().prepare(uri -> store, csv, schema, spec, SplitSettings.defaults(),
                ErrorPolicy.skipAndCount(), cache, ProgressListener.NONE, Cancellation.NEVER);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public PreparedDataset prepareFromScratch(Examples counter) throws IOException {
        if (Files.isDirectory(scratchCache)) {
            try (Stream<Path> files = Files.list(scratchCache)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        PreparedDataset dataset = prepare(scratchCache);
        if (dataset.cacheHit()) {
            throw new IllegalStateException("The scratch cache was hit: the benchmark would measure nothing");
        }
        counter.examples += dataset.trainSize() + dataset.validationSize();
        return dataset;
    }

    @Benchmark
    public void readEpochFromCache(Examples counter, Blackhole sink) {
        try (CloseableIterator<Batch> batches = prepared.batches(Split.TRAIN, BATCH, epoch++)) {
            while (batches.hasNext()) {
                Batch batch = batches.next();
                counter.examples += batch.size();
                sink.consume(batch);
            }
        }
    }

    @Benchmark
    public float[] widenPixelsPeer(Examples counter) {
        float[] pixels = new float[pixelBytes.length];
        for (int i = 0; i < pixelBytes.length; i++) {
            pixels[i] = pixelBytes[i] & 0xFF;
        }
        counter.examples += BATCH;
        return pixels;
    }
}
