package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.StatisticsOptions;
import me.adsby.workbench.storage.image.DatasetImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench datasets stats CSV_URI}: statistics of every column in one streaming pass. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Statistics of every column of a CSV in one streaming pass: counts, missing, distinct,",
            "numeric moments and quantiles, top values, the label's balance, and whether the images resolve."})
final class DatasetsStatsCommand extends DatasetsSubcommand {

    /** Images probed for a dataset in GCS (a range read each) unless told otherwise. */
    static final int REMOTE_IMAGE_SAMPLE = 200;

    /**
     * Images probed for a local dataset unless told otherwise: every one up to this many rows, beyond it an
     * even sample (a file system call and a header read each: a million of them took longer than the rest of
     * the statistics together). {@code --image-sample 0} probes every one.
     */
    static final int LOCAL_IMAGE_SAMPLE = 5_000;

    @Parameters(paramLabel = "CSV_URI", description = "The CSV: gs://bucket/path.csv, an absolute path or a file: URI.")
    private String uri;

    @Mixin
    private CsvOptions csv;

    @Option(names = "--no-images", description = "Do not probe the image column's files.")
    private boolean noImages;

    @Option(names = "--image-sample", paramLabel = "N",
            description = "Probe at most N images, evenly spread; 0 for all. Default: "
                    + LOCAL_IMAGE_SAMPLE + " locally, " + REMOTE_IMAGE_SAMPLE + " in GCS.")
    private Integer imageSample;


    @Override
    public Integer call() throws Exception {
        BlobUri location = parse(uri);
        try (BlobStores stores = openStores()) {
            BlobStore store = stores.forUri(location);
            Schema schema = csv.schema(store, location, schemaStore(),
                    progress("Inferring the schema of " + location.name()), err());
            StatisticsOptions options = StatisticsOptions.defaults();
            if (!noImages && schema.image().isPresent()) {
                int sample = imageSample != null ? imageSample : location.isGcs() ? REMOTE_IMAGE_SAMPLE : LOCAL_IMAGE_SAMPLE;
                options = options.withImageProbe(new DatasetImages(location.parent(), uri -> forUri(stores, uri)),
                        sample);
            }
            DatasetStatistics statistics = Datasets.statistics(store, location, schema, options,
                    progress("Reading " + location.name()), me.adsby.workbench.storage.work.Cancellation.NEVER);
            PrintWriter out = out();
            if (json) {
                JsonOutput.print(out, statistics);
            } else {
                StatisticsText.print(out, statistics);
            }
        }
        return 0;
    }

    private static BlobStore forUri(BlobStores stores, BlobUri uri) {
        try {
            return stores.forUri(uri);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
