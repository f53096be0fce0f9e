package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.drift.DriftReport;
import me.adsby.workbench.storage.dataset.drift.FeatureDrift;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.StatisticsOptions;
import me.adsby.workbench.storage.work.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench datasets drift BASE_URI CANDIDATE_URI}: drift of each feature, as TFDV measures it. */
@Command(name = "drift", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drift of each feature between two snapshots of a dataset, as TensorFlow Data Validation",
            "measures it: L-infinity distance of categorical frequencies, Jensen-Shannon divergence (log base 2)",
            "of numeric histograms on shared bins. A feature drifts when its value exceeds the threshold."})
final class DatasetsDriftCommand extends DatasetsSubcommand {

    @Parameters(index = "0", paramLabel = "BASE_URI", description = "The base snapshot's CSV.")
    private String base;

    @Parameters(index = "1", paramLabel = "CANDIDATE_URI", description = "The candidate snapshot's CSV.")
    private String candidate;

    @Mixin
    private CsvOptions csv;

    @Option(names = "--threshold", paramLabel = "X", defaultValue = "0.1",
            description = "Flag a feature whose distance exceeds X (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--fail-on-drift", description = "Exit 1 when any feature drifted.")
    private boolean failOnDrift;


    @Override
    public Integer call() throws Exception {
        BlobUri baseUri = parse(base);
        BlobUri candidateUri = parse(candidate);
        DriftReport report;
        try (BlobStores stores = openStores()) {
            report = Datasets.compare(statistics(stores, baseUri), statistics(stores, candidateUri), threshold);
        }
        PrintWriter out = out();
        if (json) {
            JsonOutput.print(out, report);
        } else {
            out.printf("%-24s %-32s %10s  %s%n", "feature", "measure", "value", "drift");
            for (FeatureDrift drift : report.features()) {
                out.printf(Locale.ROOT, "%-24s %-32s %10.4f  %s%n", drift.feature(), drift.name(), drift.value(),
                        (drift.drifted() ? "DRIFT" : "ok") + (drift.estimated() ? " (estimated)" : ""));
            }
            report.skipped().forEach(skipped -> out.println("not compared: " + skipped));
            out.printf("%d of %d features drifted beyond %s%n", report.drifted().size(), report.features().size(),
                    threshold);
            out.flush();
        }
        return failOnDrift && !report.drifted().isEmpty() ? WorkbenchCli.EXIT_FAILURE : 0;
    }

    private DatasetStatistics statistics(BlobStores stores, BlobUri uri) throws Exception {
        BlobStore store = stores.forUri(uri);
        return Datasets.statistics(store, uri, csv.schema(store, uri), StatisticsOptions.defaults(),
                progress("Reading " + uri.name()), Cancellation.NEVER);
    }
}
