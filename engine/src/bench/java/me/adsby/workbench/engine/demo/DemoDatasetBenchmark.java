package me.adsby.workbench.engine.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Writing a 200-row demo dataset (sampling, drawing, PNG encoding, CSV, README, the move into place) against
 * its bound, encoding the same 200 banners, drawn beforehand, with ImageIO alone: on as many worker threads
 * as the generator uses, and on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class DemoDatasetBenchmark {

    private static final int ROWS = 200;
    private static final long SEED = DemoDatasetGenerator.DEFAULT_SEED;

    private Path root;
    private List<DemoAd> ads;
    private List<BufferedImage> banners;
    private int threads;
    private long outputs;

    @Setup(Level.Trial)
    public void drawBanners() throws IOException {
        root = Files.createTempDirectory("demo-dataset-bench");
        ads = new DemoDatasetGenerator(ROWS, SEED).ads();
        BannerRenderer renderer = new BannerRenderer();
        banners = ads.stream().map(renderer::render).toList();
        threads = ParallelRows.defaultThreads(ROWS);
    }

    @TearDown(Level.Iteration)
    public void deleteOutputs() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                deleteRecursively(child);
            }
        }
    }

    @TearDown(Level.Trial)
    public void deleteRoot() throws IOException {
        deleteRecursively(root);
    }

    @Benchmark
    public DemoDataset writeDataset200() throws IOException {
        return new DemoDatasetGenerator(ROWS, SEED).write(nextOutput(), ProgressListener.NONE, Cancellation.NEVER);
    }

    @Benchmark
    public Path encodePngs200OnGeneratorThreads() throws IOException {
        Path dir = Files.createDirectories(nextOutput());
        ParallelRows.run(ROWS, threads, row -> BannerRenderer.writePng(banners.get(row), dir.resolve(name(row))),
                ProgressListener.NONE, Cancellation.NEVER, "Encoding");
        return dir;
    }

    @Benchmark
    public Path encodePngs200OnOneThread() throws IOException {
        Path dir = Files.createDirectories(nextOutput());
        for (int row = 0; row < ROWS; row++) {
            BannerRenderer.writePng(banners.get(row), dir.resolve(name(row)));
        }
        return dir;
    }

    private Path nextOutput() {
        return root.resolve("out-" + outputs++);
    }

    private String name(int row) {
        return ads.get(row).adId() + ".png";
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
