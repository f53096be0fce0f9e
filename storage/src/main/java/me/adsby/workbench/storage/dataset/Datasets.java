package me.adsby.workbench.storage.dataset;

import java.io.IOException;

import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.check.Preview;
import me.adsby.workbench.storage.dataset.check.Previewer;
import me.adsby.workbench.storage.dataset.check.ValidationReport;
import me.adsby.workbench.storage.dataset.check.Validator;
import me.adsby.workbench.storage.dataset.drift.DriftDetector;
import me.adsby.workbench.storage.dataset.drift.DriftReport;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaInference;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.StatisticsCollector;
import me.adsby.workbench.storage.dataset.stats.StatisticsOptions;
import me.adsby.workbench.storage.image.ImageProbe;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * What the CLI and the desktop app do with a dataset's CSV: infer its schema, validate it, preview it,
 * compute its statistics, and compare two snapshots' statistics for drift. Each reads from a
 * {@link CsvSource}, or from an object of a {@link BlobStore}.
 */
public final class Datasets {

    private Datasets() {
    }

    /**
     * The schema inferred from every row (one streaming pass). What a saved schema says wins over this: see
     * {@link me.adsby.workbench.storage.dataset.schema.SchemaStore#effective}.
     */
    public static Schema inferSchema(CsvSource source) throws IOException {
        return SchemaInference.infer(source);
    }

    public static Schema inferSchema(BlobStore store, BlobUri uri) throws IOException {
        return inferSchema(CsvSource.of(store, uri));
    }

    /** Reads everything and reports all problems (bad data is reported, not thrown). */
    public static ValidationReport validate(CsvSource source, Schema schema, ProgressListener progress,
                                            Cancellation cancel) throws IOException {
        return Validator.validate(source, schema, progress, cancel);
    }

    public static ValidationReport validate(BlobStore store, BlobUri uri, Schema schema, ProgressListener progress,
                                            Cancellation cancel) throws IOException {
        return validate(CsvSource.of(store, uri), schema, progress, cancel);
    }

    /**
     * Reads everything and reports all problems, each good row's image too, looked up by the probe (for a
     * dataset, {@link me.adsby.workbench.storage.image.DatasetImages}): a row whose image is refused, missing,
     * undecodable or too large is a bad row.
     *
     * @param images the probe of the image column's cells, or null not to check images
     */
    public static ValidationReport validate(BlobStore store, BlobUri uri, Schema schema, ImageProbe images,
                                            ProgressListener progress, Cancellation cancel) throws IOException {
        return Validator.validate(CsvSource.of(store, uri), schema, images, ProblemLog.DEFAULT_MAX_DETAILS, progress,
                cancel);
    }

    /** The first {@code rows} rows, bad ones included and marked. */
    public static Preview preview(CsvSource source, Schema schema, int rows) throws IOException {
        return Previewer.preview(source, schema, rows);
    }

    public static Preview preview(BlobStore store, BlobUri uri, Schema schema, int rows) throws IOException {
        return preview(CsvSource.of(store, uri), schema, rows);
    }

    /**
     * Statistics in one streaming pass.
     *
     * @throws BadDataException when the policy's limit is reached or a fatal problem ends the file early
     */
    public static DatasetStatistics statistics(CsvSource source, Schema schema, StatisticsOptions options,
                                               ProgressListener progress, Cancellation cancel) throws IOException {
        return StatisticsCollector.collect(source, schema, options, progress, cancel);
    }

    public static DatasetStatistics statistics(BlobStore store, BlobUri uri, Schema schema, StatisticsOptions options,
                                               ProgressListener progress, Cancellation cancel) throws IOException {
        return statistics(CsvSource.of(store, uri), schema, options, progress, cancel);
    }

    /** Drift per feature, flagged above {@code threshold} (TFDV's usual: {@value DriftDetector#DEFAULT_THRESHOLD}). */
    public static DriftReport compare(DatasetStatistics base, DatasetStatistics candidate, double threshold) {
        return DriftDetector.compare(base, candidate, threshold);
    }
}
