package me.adsby.workbench.storage.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobUri;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Thumbnails (160 px) of 1,000 real ad JPEGs on a 2-thread pool, as the app makes them: cold (empty memory
 * and disk caches), warm from disk (a new memory cache over a full folder), warm in memory; and the peer,
 * plain {@code ImageIO.read} plus one bilinear {@code Graphics2D.drawImage} of the same files. Scores are
 * images per second. The 281 JPEGs of {@code ../shared/data/ad-perceptions/images} beside the checkout (or the folder named
 * by {@code WORKBENCH_BENCH_IMAGES}) are copied under new names into a temporary folder up to 1,000; when
 * the folder is absent every benchmark does nothing and says so.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 15)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx1g"})
public class ThumbnailBenchmark {

    private static final int IMAGES = 1000;
    private static final int THREADS = 2;
    /** The shared ad images beside the checkout; the benchmark runs in the module's folder. */
    private static final Path DEFAULT_SOURCE = Path.of("../../shared/data/ad-perceptions/images")
            .toAbsolutePath().normalize();

    private Path work;
    private List<Path> files;
    private List<BlobInfo> infos;
    private FolderBlobStore store;
    private ImageDecoder decoder;
    private ExecutorService pool;
    private ThumbnailCache warmMemory;
    private ThumbnailCache current;
    private boolean skipped;

    @Setup(Level.Trial)
    public void prepare() throws Exception {
        String configured = System.getenv("WORKBENCH_BENCH_IMAGES");
        Path source = configured == null ? DEFAULT_SOURCE : Path.of(configured);
        List<Path> originals = Files.isDirectory(source) ? jpegsIn(source) : List.of();
        if (originals.isEmpty()) {
            skipped = true;
            System.err.println("SKIPPED ThumbnailBenchmark: no JPEGs in " + source
                    + " (set WORKBENCH_BENCH_IMAGES to a folder of JPEGs); the scores below measure nothing");
            return;
        }
        work = Files.createTempDirectory("thumbnail-bench");
        Path images = Files.createDirectories(work.resolve("images"));
        files = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            Path original = originals.get(i % originals.size());
            files.add(Files.copy(original, images.resolve(String.format("%04d-%s", i, original.getFileName()))));
        }
        store = new FolderBlobStore(work.resolve("gcs"));
        decoder = new ImageDecoder(uri -> store);
        infos = new ArrayList<>();
        for (Path file : files) {
            infos.add(decoder.stat(BlobUri.local(file)));
        }
        pool = Executors.newFixedThreadPool(THREADS);
        warmMemory = new ThumbnailCache(decoder, work.resolve("warm"), ThumbnailCache.DEFAULT_MAX_EDGE,
                512L * 1024 * 1024);
        runAll(warmMemory, null); // fills the "warm" folder and this cache's memory
        System.err.printf("ThumbnailBenchmark: %d images (%d distinct JPEGs, %.1f MB) under %s%n", IMAGES,
                originals.size(), bytes(files) / 1e6, images);
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (work != null) {
            delete(work);
        }
    }


    @Setup(Level.Invocation)
    public void freshCache(org.openjdk.jmh.infra.BenchmarkParams params) throws IOException {
        if (skipped) {
            return;
        }
        String name = params.getBenchmark();
        if (name.endsWith(".cold")) {
            delete(work.resolve("cold"));
            current = new ThumbnailCache(decoder, work.resolve("cold"));
        } else if (name.endsWith(".warmDisk")) {
            current = new ThumbnailCache(decoder, work.resolve("warm"));
        } else {
            current = null;
        }
    }

    @TearDown(Level.Invocation)
    public void checkCounts(org.openjdk.jmh.infra.BenchmarkParams params) {
        if (skipped || current == null) {
            return;
        }
        ThumbnailCache.Counts counts = current.counts();
        boolean cold = params.getBenchmark().endsWith(".cold");
        long expected = cold ? counts.decodes() : counts.diskHits();
        if (expected != IMAGES) {
            throw new IllegalStateException("Expected " + IMAGES + (cold ? " decodes" : " disk hits") + ", got " + counts);
        }
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void cold(Blackhole hole) throws Exception {
        runAll(current, hole);
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void warmDisk(Blackhole hole) throws Exception {
        runAll(current, hole);
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void warmMemory(Blackhole hole) throws Exception {
        runAll(warmMemory, hole);
    }

    /** The peer: read the whole JPEG with ImageIO, one bilinear drawImage to the same thumbnail size. */
    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void peerImageIoDrawImage(Blackhole hole) throws Exception {
        if (skipped) {
            return;
        }
        List<Callable<BufferedImage>> tasks = new ArrayList<>();
        for (Path file : files) {
            tasks.add(() -> {
                BufferedImage image = ImageIO.read(file.toFile());
                int[] size = ThumbnailCache.sizeFor(image.getWidth(), image.getHeight(), ThumbnailCache.DEFAULT_MAX_EDGE);
                BufferedImage thumbnail = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
                Graphics2D g = thumbnail.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, size[0], size[1], null);
                g.dispose();
                return thumbnail;
            });
        }
        consume(pool.invokeAll(tasks), hole);
    }

    private void runAll(ThumbnailCache cache, Blackhole hole) throws Exception {
        if (skipped) {
            return;
        }
        List<Callable<BufferedImage>> tasks = new ArrayList<>();
        for (BlobInfo info : infos) {
            tasks.add(() -> cache.thumbnail(info));
        }
        consume(pool.invokeAll(tasks), hole);
    }

    private static void consume(List<Future<BufferedImage>> results, Blackhole hole)
            throws InterruptedException, ExecutionException {
        for (Future<BufferedImage> result : results) {
            BufferedImage image = result.get();
            if (hole != null) {
                hole.consume(image);
            }
        }
    }

    private static List<Path> jpegsIn(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.jpe?g"))
                    .sorted().toList();
        }
    }

    private static long bytes(List<Path> files) {
        return files.stream().mapToLong(file -> {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
