package me.adsby.workbench.engine.cli;

import java.io.IOException;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.schema.Schema;
import picocli.CommandLine.Option;

/** How a command reads a CSV's schema: inferred, with the label named when inference cannot tell. */
final class CsvOptions {

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "The label column (0/1, true/false, yes/no). Default: inferred from names such as clicked.")
    String label;

    Schema schema(BlobStore store, BlobUri csv) throws IOException {
        Schema inferred = Datasets.inferSchema(store, csv);
        return label == null ? inferred : inferred.withLabel(label);
    }
}
