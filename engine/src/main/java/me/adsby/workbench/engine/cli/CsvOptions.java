package me.adsby.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaInEffect;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import picocli.CommandLine.Option;

/**
 * How a command reads a CSV's schema: the one in effect (saved, else inferred from every row), or inferred,
 * with the label named when neither says which it is.
 */
final class CsvOptions {

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "The label column (0/1, true/false, yes/no). Default: the saved schema's, else inferred"
                    + " from names such as clicked or label_*.")
    String label;

    /** The schema inferred from every row. */
    Schema schema(BlobStore store, BlobUri csv) throws IOException {
        Schema inferred = Datasets.inferSchema(store, csv);
        return label == null ? inferred : inferred.withLabel(label);
    }

    /**
     * The schema in effect: the saved one when it matches the header, else inferred. Why a saved schema was
     * not used goes to {@code err}.
     */
    Schema schema(BlobStore store, BlobUri csv, SchemaStore schemas, ProgressListener progress, PrintWriter err)
            throws IOException {
        SchemaInEffect inEffect = schemas.effective(store, csv, progress, Cancellation.NEVER);
        inEffect.notes().forEach(note -> err.println("workbench: " + note));
        err.flush();
        return label == null ? inEffect.schema() : inEffect.schema().withLabel(label);
    }
}
