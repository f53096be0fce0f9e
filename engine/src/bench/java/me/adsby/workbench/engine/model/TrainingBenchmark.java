package me.adsby.workbench.engine.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.FeatureSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The multimodal recipe's speed from batches already in memory (no CSV, no image decoding): training steps
 * and inference through the exported SavedModel. The score is batches per second: multiply by
 * {@code batchSize} for examples per second. 8 numeric and 4 categorical features,
 * 64x64x3 images, the default network (convolutions of 16, 32 and 64 filters with batch normalization, global
 * average pooling, image dense 64, MLP 64-32, embeddings of 8), TensorFlow on all available processors.
 *
 * <p>The physical bound is the CPU's floating-point peak. Multiply-accumulates (MACs) per example:
 * <pre>
 *   conv1        64*64 outputs * 16 filters * 3*3*3     =  1,769,472
 *   conv2        32*32 outputs * 32 filters * 3*3*16    =  4,718,592
 *   conv3        16*16 outputs * 64 filters * 3*3*32    =  4,718,592
 *   image_dense  64 pooled * 64                         =      4,096
 *   hidden1      (8 numeric + 4*8 embedded + 64) * 64   =      6,656
 *   hidden2      64 * 32                                =      2,048
 *   logit        32 * 1                                 =         32
 *   total                                               = 11,219,488 MACs
 * </pre>
 * Forward: 2 FLOP per MAC = 22.44 MFLOP per example. Training is about 3x forward (forward, gradient of the
 * inputs, gradient of the weights) = 67.32 MFLOP, less the input gradient of conv1, which nothing needs
 * (2 * 1,769,472 = 3.54 MFLOP): about 63.8 MFLOP per training example. Pooling, ReLU, the loss and Adam's update
 * (about 2 * 0.08 M weights * ~10 FLOP per step, shared by the batch) are below 1% and left out; so are batch
 * normalization and the augmentation, a few FLOP per activation but passes over memory: at training steps the
 * graph computes both the batch's normalization and the moving statistics' (its training flag picks one), and
 * that costs more time than its FLOP suggest.
 *
 * <p>On the 2-core AVX-512 machine of the platform notes (peak about 490 GFLOP/s for two cores):
 * N training examples/s use N * 63.8 MFLOP/s, so 1,600 examples/s would be 102 GFLOP/s, about 21% of peak;
 * M inference examples/s use M * 22.44 MFLOP/s. See src/docs/benchmarks.md for the measured figures (of the
 * network before batch normalization and global pooling: convolutions of 16 and 32 filters, then a dense layer
 * over the flattened 16x16x32 maps).
 *
 * <p>Run: {@code mvn -B -ntp -o -Pbench -pl engine -am verify -Dbench.args="TrainingBenchmark -f 1 -wi 1 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class TrainingBenchmark {

    private static final int IMAGE_SIZE = 64;
    private static final int NUMERIC = 8;
    private static final int CATEGORICAL = 4;
    private static final int BATCHES = 4;
    private static final String NATIVE_CACHE = "org.bytedeco.javacpp.cachedir";

    /** Examples per step: 256 is the figure, 64 the default batch size. */
    @Param({"256", "64"})
    public int batchSize;

    private Path temp;
    private CtrTrainer trainer;
    private ServingModel serving;
    private List<Batch> batches;
    private int next;

    @Setup(Level.Trial)
    public void buildModel() throws IOException {
        if (System.getProperty(NATIVE_CACHE) == null) {
            // The tests' native cache (the root POM's native.cache), so the natives are not unpacked again.
            System.setProperty(NATIVE_CACHE, Path.of(System.getProperty("user.home"), ".cache", "workbench", "javacpp").toString());
        }
        temp = Files.createTempDirectory("training-bench");
        SplittableRandom random = new SplittableRandom(1);
        batches = Stream.generate(() -> randomBatch(random, batchSize)).limit(BATCHES).toList();
        FeatureSpec features = new FeatureSpec(
                List.of("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7"), List.of("c0", "c1", "c2", "c3"),
                "image", "clicked", IMAGE_SIZE);
        Hyperparameters hp = Hyperparameters.defaults(Recipe.MULTIMODAL).withImageSize(IMAGE_SIZE);
        ModelDefinition definition = new ModelDefinition(Recipe.MULTIMODAL, features,
                new Hyperparameters(hp.epochs(), batchSize, hp.learningRate(), hp.embeddingSize(), hp.hashBuckets(),
                        hp.hiddenUnits(), hp.convFilters(), hp.imageSize(), hp.seed(), hp.patience()),
                NumericStats.of(batches, NUMERIC), LabelPrior.of(batches));
        trainer = CtrTrainer.create(definition);
        trainer.trainStep(batches.get(0));
        Path checkpoint = temp.resolve("ckpt/model");
        trainer.save(checkpoint);
        Path model = temp.resolve("model");
        ModelExporter.export(definition, checkpoint, model);
        serving = ServingModel.load(model);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        serving.close();
        trainer.close();
        try (Stream<Path> paths = Files.walk(temp)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Training steps per second (one Adam step on one batch per invocation). */
    @Benchmark
    public float trainMultimodal() {
        return trainer.trainStep(nextBatch());
    }

    /** Inference batches per second through the exported SavedModel's serving_default. */
    @Benchmark
    public float[] predictExported() {
        return serving.predict(nextBatch());
    }

    private Batch nextBatch() {
        Batch batch = batches.get(next);
        next = (next + 1) % BATCHES;
        return batch;
    }

    private static Batch randomBatch(SplittableRandom random, int size) {
        float[] numeric = new float[size * NUMERIC];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = (float) random.nextGaussian();
        }
        String[] categorical = new String[size * CATEGORICAL];
        for (int i = 0; i < categorical.length; i++) {
            categorical[i] = "value" + random.nextInt(50);
        }
        float[] pixels = new float[size * IMAGE_SIZE * IMAGE_SIZE * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(256);
        }
        float[] labels = new float[size];
        long[] rows = new long[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextBoolean() ? 1f : 0f;
            rows[i] = i + 1L;
        }
        return new Batch(size, numeric, categorical, pixels, labels, rows);
    }
}
