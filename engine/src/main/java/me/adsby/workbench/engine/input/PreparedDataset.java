package me.adsby.workbench.engine.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A dataset prepared for training: its examples in a cache file (see {@link CacheFile} for the format),
 * split into training and validation examples, with the training split's numeric statistics and the report of
 * the preparation. {@link #batches} reads them back at memory speed, any number of times. Thread-safe.
 */
public final class PreparedDataset {

    /** Batches made ahead of the consumer by default. */
    public static final int DEFAULT_PREFETCH = 2;

    private final CacheFile cache;
    private final boolean cacheHit;
    private final long shuffleSeed;
    private ExampleRecords records;

    PreparedDataset(CacheFile cache, boolean cacheHit, long shuffleSeed) {
        this.cache = cache;
        this.cacheHit = cacheHit;
        this.shuffleSeed = shuffleSeed;
    }

    /**
     * The same examples shuffled from another seed: the model's, so that runs that differ only in their model
     * seed (a group of repeats) see their training examples in different orders as well as start from other
     * weights.
     */
    public PreparedDataset shuffledBy(long seed) {
        return new PreparedDataset(cache, cacheHit, seed);
    }

    public FeatureSpec spec() {
        return cache.trailer().spec();
    }

    /** How many examples the split holds. */
    public long size(Split split) {
        return split == Split.TRAIN ? cache.trailer().trainCount() : cache.trailer().validationCount();
    }

    public long trainSize() {
        return size(Split.TRAIN);
    }

    public long validationSize() {
        return size(Split.VALIDATION);
    }

    /** How many training examples are positive (label 1). */
    public long trainPositives() {
        return cache.trailer().trainPositives();
    }

    /** Per numeric feature of the spec, in its order: mean and standard deviation over the training split. */
    public List<NumericStatistics> numericStatistics() {
        return cache.trailer().statistics();
    }

    /**
     * Per categorical feature of the spec, in its order: how many training examples hold each value (values
     * only validation examples hold are absent). One pass over the training records per column.
     */
    public List<Map<String, Long>> trainingValueCounts() {
        ExampleRecords mapped = records();
        List<Map<String, Long>> counts = new java.util.ArrayList<>();
        for (int j = 0; j < spec().categorical().size(); j++) {
            counts.add(mapped.valueCounts(0, trainSize(), j));
        }
        return counts;
    }

    /** Bad rows per kind (kinds never seen are left out). */
    public Map<BadRowKind, Long> badRowCounts() {
        return cache.trailer().badRowCounts();
    }

    /** How many rows were bad (skipped by the error policy). */
    public long badRows() {
        return badRowCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The first bad rows ({@value Preparation#PROBLEMS_KEPT} at most), in file order, as {@code file:line: reason}. */
    public List<BadRow> problems() {
        return cache.trailer().problems();
    }

    /** Identifier-like columns with values on both sides of the split (empty when none, or nothing was watched). */
    public List<LeakageFinding> leakage() {
        return cache.trailer().leakage();
    }

    /** Good rows whose image cell was empty: their pixels are all zeros. */
    public long missingImages() {
        return cache.trailer().missingImages();
    }

    /** The prepared cache file. */
    public Path cacheFile() {
        return cache.path();
    }

    /** The cache key: a hash of the dataset's content and of the preparation's settings. */
    public String cacheKey() {
        return cache.trailer().key();
    }

    /** Whether the cache was there already (nothing was decoded). */
    public boolean cacheHit() {
        return cacheHit;
    }

    /**
     * The split's examples in batches of {@code batchSize} (the last batch holds the rest, so it may be
     * smaller; none is dropped), made on a background thread {@value #DEFAULT_PREFETCH} batches ahead.
     * Training batches are shuffled anew for each epoch, reproducibly from (the shuffle seed, {@code epoch}):
     * the split seed unless {@link #shuffledBy} gave another; validation batches come in file order.
     */
    public CloseableIterator<Batch> batches(Split split, int batchSize, int epoch) {
        return batches(split, batchSize, epoch, DEFAULT_PREFETCH);
    }

    /** As {@link #batches(Split, int, int)}, with {@code prefetch} batches made ahead (at least 1). */
    public CloseableIterator<Batch> batches(Split split, int batchSize, int epoch, int prefetch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        ExampleRecords mapped = records();
        long count = size(split);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalStateException("A split of more than 2^31 examples is not supported: " + count);
        }
        int examples = (int) count;
        long base = split == Split.TRAIN ? 0 : cache.trailer().trainCount();
        int[] order = split == Split.TRAIN ? EpochOrder.shuffled(examples, shuffleSeed, epoch) : null;
        int batches = (int) ((count + batchSize - 1) / batchSize);
        return new PrefetchIterator(batches, b -> {
            int from = b * batchSize;
            return mapped.batch(base, order, from, Math.min(batchSize, examples - from));
        }, prefetch, "batches-" + split.name().toLowerCase(java.util.Locale.ROOT) + "-epoch-" + epoch);
    }

    private synchronized ExampleRecords records() {
        if (records == null) {
            try {
                records = cache.mapRecords();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot map the prepared cache " + cache.path(), e);
            }
        }
        return records;
    }
}
