package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.check.ValidationReport;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench datasets validate CSV_URI}: reads every row by the schema in effect (saved, else inferred)
 * and lists each bad one as {@code file:line: reason}, and each column named like a label that cannot be one;
 * exits 1 when there is any problem.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read every row of a CSV and list each bad one as file:line: reason, with counts.",
            "Exits 1 when any row is bad, 0 when none is."})
final class DatasetsValidateCommand extends DatasetsSubcommand {

    @Parameters(paramLabel = "CSV_URI", description = "The CSV: gs://bucket/path.csv, an absolute path or a file: URI.")
    private String uri;

    @Mixin
    private CsvOptions csv;


    @Override
    public Integer call() throws Exception {
        BlobUri location = parse(uri);
        ValidationReport report;
        try (BlobStores stores = openStores()) {
            BlobStore store = stores.forUri(location);
            Schema schema = csv.schema(store, location, schemaStore(),
                    progress("Inferring the schema of " + location.name()), err());
            report = Datasets.validate(store, location, schema, progress("Reading " + location.name()),
                    Cancellation.NEVER);
        }
        PrintWriter out = out();
        if (json) {
            JsonOutput.print(out, report);
        } else {
            for (RowProblem problem : report.problems()) {
                out.println(problem);
            }
            out.printf("%s: %d rows read, %d good, %d bad%n", report.file(), report.rowsRead(), report.goodRows(),
                    report.badRows());
            report.problemCounts().forEach((kind, count) ->
                    out.printf("  %s: %d%n", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), count));
            if (report.detailsLeftOut() > 0) {
                out.printf("  (%d more problems counted but not listed)%n", report.detailsLeftOut());
            }
            if (!report.complete()) {
                out.println("  Reading stopped early: the rest of the file cannot be trusted.");
            }
            out.flush();
        }
        return report.valid() ? 0 : WorkbenchCli.EXIT_FAILURE;
    }
}
