package me.adsby.workbench.engine.demo;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Generates Workbench's built-in demo: a SYNTHETIC ad dataset ({@code ads.csv}, one PNG banner per row, and a
 * {@code README.md} that documents the click model), deterministic in {@code (rows, seed)}. Clicks depend on
 * the tabular columns and on the banner's call-to-action contrast and size, which the CSV does not hold, so a
 * model that sees the images can beat one that cannot; see {@link ClickModel}.
 */
public final class DemoDatasetGenerator {

    public static final int DEFAULT_ROWS = 2000;
    public static final long DEFAULT_SEED = 42L;

    static final String IMAGES = "images";

    private final int rows;
    private final long seed;
    private final BannerRenderer renderer = new BannerRenderer();

    public DemoDatasetGenerator(int rows, long seed) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, was " + rows);
        }
        this.rows = rows;
        this.seed = seed;
    }

    /**
     * Writes {@code ads.csv}, {@code images/*.png} and {@code README.md} into {@code outDir}, which must be
     * absent or an empty folder. Everything is written into a temporary sibling folder first and moved into place
     * at the end, so a cancelled or failed run leaves nothing behind. Reports progress (rows done of rows) and
     * checks {@code cancel} between rows.
     *
     * @throws IOException                 when {@code outDir} is a file or a folder that is not empty, or writing fails
     * @throws CancellationException       when {@code cancel} says so
     */
    public DemoDataset write(Path outDir, ProgressListener progress, Cancellation cancel) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        requireAbsentOrEmpty(target);
        Path parent = target.getParent();
        if (parent == null) {
            throw new IOException("Cannot write the demo dataset into a file system root: " + target);
        }
        Files.createDirectories(parent);
        Path partial = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        try {
            List<DemoAd> ads = ads();
            Files.createDirectory(partial.resolve(IMAGES));
            ParallelRows.run(rows, ParallelRows.defaultThreads(rows),
                    row -> renderer.writePng(ads.get(row), partial.resolve(ads.get(row).image())),
                    progress, cancel, "Drawing banners");
            cancel.throwIfCancelled();
            DemoStatistics statistics = DemoStatistics.of(ads);
            DemoCsv.write(partial.resolve(DemoCsv.FILE_NAME), ads);
            DemoReadme.write(partial.resolve(DemoReadme.FILE_NAME), seed, statistics);
            cancel.throwIfCancelled();
            moveIntoPlace(partial, target);
            progress.report(rows, rows, "Wrote " + rows + " ads to " + target);
            return new DemoDataset(target, target.resolve(DemoCsv.FILE_NAME), rows, statistics.clicks());
        } catch (IOException | RuntimeException | Error e) {
            try {
                deleteRecursively(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The ads and their latent banner properties, without writing or drawing anything. */
    public List<DemoAd> ads() {
        AdSampler sampler = new AdSampler(seed);
        return IntStream.range(0, rows).mapToObj(sampler::sample).toList();
    }

    public int rows() {
        return rows;
    }

    public long seed() {
        return seed;
    }

    private static void requireAbsentOrEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("Output folder " + dir + " exists and is not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                throw new IOException("Output folder " + dir + " is not empty");
            }
        }
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        requireAbsentOrEmpty(target);
        Files.deleteIfExists(target);
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
