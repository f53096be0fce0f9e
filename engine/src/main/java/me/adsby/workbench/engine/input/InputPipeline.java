package me.adsby.workbench.engine.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * From a dataset (a CSV and its images, local or in GCS) to {@link Batch}es: {@link #prepare} reads the
 * dataset once per content and settings into a prepared cache file, and the {@link PreparedDataset} it returns
 * reads batches from that file at memory speed for every epoch.
 *
 * <p>Preparation, on a cache miss: the CSV is streamed; each row is split into training or validation by its
 * key ({@link SplitSettings}); a bad row (wrong field count, a number or label that is not one, a missing
 * label, an image that is outside the dataset, absent or undecodable) is counted by kind and kept as
 * {@code file:line: reason} (the first {@value Preparation#PROBLEMS_KEPT}), and the {@link ErrorPolicy}
 * says when to stop ({@link BadInputException}); an empty image cell is not a bad row: its pixels are zeros
 * and it is counted ({@link PreparedDataset#missingImages}), as {@link Batch} says. Images are decoded and
 * letterboxed to {@code imageSize} x {@code imageSize} on {@code threads} threads, at most {@code inFlight}
 * rows ahead of the writer. Numeric statistics are computed over the training split. Cancellation is checked
 * at every row and leaves no cache file; progress is the CSV's bytes read of its size (rows when the size is
 * unknown).
 *
 * <p>The cache file is {@code <cacheFolder>/<key>.wbprep}, the key a hash of the settings and the dataset's
 * content (see {@link DatasetFingerprint}). Thread-safe: preparations of the same key at once both write a
 * complete file, and the last one moved into place wins.
 */
public final class InputPipeline {

    /** Image decoding threads by default. */
    public static final int DEFAULT_THREADS = 2;

    private final int threads;
    private final int inFlight;

    /** {@value #DEFAULT_THREADS} decoding threads, 4 rows in flight per thread. */
    public InputPipeline() {
        this(DEFAULT_THREADS, 4 * DEFAULT_THREADS);
    }

    /**
     * @param threads  image decoding threads
     * @param inFlight rows read ahead of the writer at most (decoded images held in memory at most)
     */
    public InputPipeline(int threads, int inFlight) {
        if (threads < 1 || inFlight < 1) {
            throw new IllegalArgumentException("threads and inFlight must be at least 1, were " + threads + " and " + inFlight);
        }
        this.threads = threads;
        this.inFlight = inFlight;
    }

    /** As {@link #prepare(StoreLookup, BlobUri, Schema, FeatureSpec, SplitSettings, ErrorPolicy, Path, ProgressListener, Cancellation)}. */
    public PreparedDataset prepare(BlobStores stores, BlobUri csv, Schema schema, FeatureSpec spec, SplitSettings split,
                                   ErrorPolicy policy, Path cacheFolder, ProgressListener progress, Cancellation cancel)
            throws IOException {
        return prepare(StoreLookup.of(stores), csv, schema, spec, split, policy, cacheFolder, progress, cancel);
    }

    /**
     * Prepares the dataset, or finds it prepared in {@code cacheFolder}.
     *
     * @throws BadInputException  when the policy allows no more bad rows, or the rest of the file cannot be read
     * @throws me.adsby.workbench.storage.dataset.BadDataException when the header is unusable or not the schema's
     * @throws IllegalArgumentException when the spec or the split names a column the schema does not have
     * @throws java.util.concurrent.CancellationException when cancelled (no cache file is left)
     * @throws IOException        when the dataset cannot be read or the cache cannot be written
     */
    public PreparedDataset prepare(StoreLookup stores, BlobUri csv, Schema schema, FeatureSpec spec, SplitSettings split,
                                   ErrorPolicy policy, Path cacheFolder, ProgressListener progress, Cancellation cancel)
            throws IOException {
        Objects.requireNonNull(policy, "policy");
        List<String> watch = split.validationFraction() > 0 ? IdLikeColumns.of(schema, spec.label(), split.column()) : List.of();
        SpecColumns columns = SpecColumns.of(schema, spec, split, watch);
        cancel.throwIfCancelled();
        Path folder = cacheFolder.toAbsolutePath().normalize();
        String settings = String.join("|", "wbprep-v" + CacheFile.VERSION, Letterbox.METHOD,
                SpecColumns.fingerprint(schema, spec), split.fingerprint(), "policy:" + policy.maxProblems(), "watch:" + watch);
        String key = DatasetFingerprint.key(settings, stores, csv, spec.hasImage(), folder, cancel);
        Path target = folder.resolve(key + CacheFile.EXTENSION);
        RecordLayout layout = RecordLayout.of(spec);
        Optional<CacheFile> existing = CacheFile.open(target, key, layout);
        if (existing.isPresent() && externalImagesUnchanged(stores, existing.get().trailer(), cancel)) {
            progress.report(1, 1, "Prepared examples of " + csv.name() + " found in the cache");
            return new PreparedDataset(existing.get(), true, split.seed());
        }
        CsvSource source = CsvSource.of(stores.forUri(csv), csv);
        new Preparation(stores, csv, source, spec, columns, split, policy, progress, cancel, threads, inFlight).run(key, target);
        CacheFile written = CacheFile.open(target, key, layout).orElseThrow(() -> new IOException(
                String.format(Locale.ROOT, "The prepared cache %s was written but cannot be read back", target)));
        return new PreparedDataset(written, false, split.seed());
    }

    private static boolean externalImagesUnchanged(StoreLookup stores, CacheTrailer trailer, Cancellation cancel)
            throws IOException {
        for (ImageStamp stamp : trailer.externalImages()) {
            cancel.throwIfCancelled();
            BlobUri uri = BlobUri.parse(stamp.uri());
            Optional<BlobInfo> now = stores.forUri(uri).stat(uri);
            if (now.isEmpty() || now.get().size() != stamp.size() || now.get().generation() != stamp.generation()) {
                return false;
            }
        }
        return true;
    }
}
