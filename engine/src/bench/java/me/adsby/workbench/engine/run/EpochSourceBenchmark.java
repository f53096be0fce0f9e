package me.adsby.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import me.adsby.workbench.engine.demo.DemoDatasetGenerator;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.input.InputPipeline;
import me.adsby.workbench.engine.input.PreparedDataset;
import me.adsby.workbench.engine.input.Split;
import me.adsby.workbench.engine.input.SplitSettings;
import me.adsby.workbench.engine.model.CtrTrainer;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.LabelPrior;
import me.adsby.workbench.engine.model.ModelDefinition;
import me.adsby.workbench.engine.model.NumericStats;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
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

/**
 * One training epoch of the multimodal recipe (batch 256, 64x64 images) on the demo dataset's 2,048 rows,
 * with the batches coming (a) from memory, (c) from the prepared-example cache through the pipeline's
 * prefetching reader, and (b) a first epoch that prepares the cache first (decode, resize, write). The issue's
 * goal: (c) at least 0.95 x (a). Scores are milliseconds per epoch; examples/s = training examples / time.
 *
 * <p>Run: {@code mvn -B -ntp install -DskipTests && mvn -B -ntp -Pbench verify -pl engine
 * -Dbench.args="EpochSourceBenchmark -f 1 -wi 1 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, batchSize = 1)
@Measurement(iterations = 5, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class EpochSourceBenchmark {

    static final int ROWS = 2048;
    static final int BATCH = 256;
    static final int IMAGE = 64;
    private static final String NATIVE_CACHE = "org.bytedeco.javacpp.cachedir";

    private Path temp;
    private BlobStores stores;
    private BlobUri csv;
    private Schema schema;
    private FeatureSpec features;
    private PreparedDataset data;
    private List<Batch> inMemory;
    private CtrTrainer trainer;
    private int epoch;
    private int coldRuns;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        if (System.getProperty(NATIVE_CACHE) == null) {
            System.setProperty(NATIVE_CACHE, Path.of(System.getProperty("user.home"), ".cache", "workbench", "javacpp")
                    .toString());
        }
        temp = Files.createTempDirectory("epoch-bench");
        Path demo = new DemoDatasetGenerator(ROWS, 3).write(temp.resolve("demo"), ProgressListener.NONE,
                Cancellation.NEVER).csv();
        stores = new BlobStores(new GcsOptions(null, null));
        csv = BlobUri.local(demo);
        schema = Datasets.inferSchema(stores.forUri(csv), csv).withLabel("clicked");
        features = new FeatureSpec(List.of("hour_of_day", "bid_price_usd", "historical_ctr", "headline_length"),
                List.of("advertiser_category", "campaign_id", "placement", "device", "day_of_week", "banner_size"),
                "image", "clicked", IMAGE);
        data = prepare(temp.resolve("cache"));
        inMemory = new ArrayList<>();
        TrainingWorker.iterable(data, Split.TRAIN, BATCH, 1).forEach(inMemory::add);
        Hyperparameters defaults = Hyperparameters.defaults(Recipe.MULTIMODAL);
        Hyperparameters hp = new Hyperparameters(1, BATCH, defaults.learningRate(), defaults.embeddingSize(),
                defaults.hashBuckets(), defaults.hiddenUnits(), defaults.convFilters(), IMAGE, 1, 1);
        trainer = CtrTrainer.create(new ModelDefinition(Recipe.MULTIMODAL, features, hp,
                NumericStats.of(inMemory, features.numeric().size()), LabelPrior.of(inMemory)));
    }

    private PreparedDataset prepare(Path cache) throws IOException {
        return new InputPipeline().prepare(stores, csv, schema, features, new SplitSettings(null, 0.2, 1),
                ErrorPolicy.skipAndCount(), cache, ProgressListener.NONE, Cancellation.NEVER);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        trainer.close();
        stores.close();
        try (Stream<Path> paths = Files.walk(temp)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** (a) An epoch from batches already in memory. */
    @Benchmark
    public float epochFromMemory() {
        float loss = 0;
        for (Batch batch : inMemory) {
            loss += trainer.trainStep(batch);
        }
        return loss;
    }

    /** (c) An epoch read from the prepared-example cache, shuffled anew, prefetched. */
    @Benchmark
    public float epochFromCache() {
        float loss = 0;
        for (Batch batch : TrainingWorker.iterable(data, Split.TRAIN, BATCH, ++epoch)) {
            loss += trainer.trainStep(batch);
        }
        return loss;
    }

    /** (b) A first epoch end to end: prepare from the CSV and PNG files into a new cache, then train. */
    @Benchmark
    public float firstEpochFromFiles() throws IOException {
        PreparedDataset fresh = prepare(temp.resolve("cold-" + ++coldRuns));
        float loss = 0;
        for (Batch batch : TrainingWorker.iterable(fresh, Split.TRAIN, BATCH, 1)) {
            loss += trainer.trainStep(batch);
        }
        return loss;
    }

    /** Training examples in one epoch, to turn the scores into examples per second. */
    public long trainingExamples() {
        return data.trainSize();
    }
}
