package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.StatisticsOptions;
import me.adsby.workbench.storage.image.DatasetImages;
import me.adsby.workbench.storage.work.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code workbench datasets stats CSV_URI}: statistics of every column in one streaming pass. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Statistics of every column of a CSV in one streaming pass: counts, missing, distinct,",
            "numeric moments and quantiles, top values, the label's balance, and whether the images resolve."})
final class DatasetsStatsCommand implements Callable<Integer> {

    /** Images probed for a dataset in GCS (a range read each) unless told otherwise. */
    static final int REMOTE_IMAGE_SAMPLE = 200;

    @Parameters(paramLabel = "CSV_URI", description = "The CSV: gs://bucket/path.csv, an absolute path or a file: URI.")
    private String uri;

    @Mixin
    private CsvOptions csv;

    @Option(names = "--no-images", description = "Do not probe the image column's files.")
    private boolean noImages;

    @Option(names = "--image-sample", paramLabel = "N",
            description = "Probe at most N images, evenly spread; 0 for all. Default: all locally, "
                    + REMOTE_IMAGE_SAMPLE + " in GCS.")
    private Integer imageSample;

    @Option(names = "--json", description = "Print the statistics as JSON.")
    private boolean json;

    @ParentCommand
    private DatasetsCommand datasets;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BlobUri location = Uris.parse(spec, uri);
        try (BlobStores stores = datasets.workbench().openStores()) {
            BlobStore store = stores.forUri(location);
            Schema schema = csv.schema(store, location);
            StatisticsOptions options = StatisticsOptions.defaults();
            if (!noImages && schema.image().isPresent()) {
                int sample = imageSample != null ? imageSample : location.isGcs() ? REMOTE_IMAGE_SAMPLE : 0;
                options = options.withImageProbe(new DatasetImages(location.parent(), uri -> forUri(stores, uri)),
                        sample);
            }
            ProgressListener progress = json ? ProgressListener.NONE
                    : new ConsoleProgress(spec.commandLine().getErr(), "Reading " + location.name());
            DatasetStatistics statistics = Datasets.statistics(store, location, schema, options, progress,
                    me.adsby.workbench.storage.work.Cancellation.NEVER);
            PrintWriter out = spec.commandLine().getOut();
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
