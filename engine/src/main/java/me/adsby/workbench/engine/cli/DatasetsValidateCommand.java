package me.adsby.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.check.ValidationReport;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.image.DatasetImages;
import me.adsby.workbench.storage.work.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench datasets validate CSV_URI}: reads every row by the schema in effect (saved, else inferred),
 * checks each good row's image as training would use it, and lists each problem as {@code file:line: reason},
 * with each column named like a label that cannot be one; exits 1 on any problem. A file whose header cannot be
 * read, or that has no rows, is a problem too: reported the same way, as text or JSON.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read every row of a CSV, check the image of each good row (missing, undecodable, over the",
            "pixel limit, outside the dataset's folder, symbolic links followed), and list each problem as",
            "file:line: reason, with counts. A file without rows is a problem.",
            "Exits 1 when there is any problem, 0 when there is none."})
final class DatasetsValidateCommand extends DatasetsSubcommand {

    @Parameters(paramLabel = "CSV_URI", description = "The CSV: gs://bucket/path.csv, an absolute path or a file: URI.")
    private String uri;

    @Mixin
    private CsvOptions csv;

    @Option(names = "--no-images", description = "Do not check the image column's files.")
    private boolean noImages;

    @Override
    public Integer call() throws Exception {
        BlobUri location = parse(uri);
        ValidationReport report;
        try (BlobStores stores = openStores()) {
            BlobStore store = stores.forUri(location);
            Schema schema;
            try {
                schema = csv.schema(store, location, schemaStore(), progress("Inferring the schema of " + location.name()),
                        err());
            } catch (BadDataException unreadable) {
                report = unreadable(unreadable);
                return print(report);
            }
            DatasetImages images = noImages || schema.image().isEmpty() ? null
                    : new DatasetImages(location.parent(), target -> forUri(stores, target));
            report = Datasets.validate(store, location, schema, images, progress("Reading " + location.name()),
                    Cancellation.NEVER);
        }
        return print(report);
    }

    /** A file whose schema cannot be read (empty, an unusable header): its one problem, nothing read. */
    private static ValidationReport unreadable(BadDataException failure) {
        RowProblem problem = failure.problems().get(0);
        return new ValidationReport(problem.file(), 0, 0, 0, 0, Map.of(problem.kind(), 1L), failure.problems(), 0,
                false);
    }

    private int print(ValidationReport report) {
        PrintWriter out = out();
        if (json) {
            JsonOutput.print(out, report);
        } else {
            for (RowProblem problem : report.problems()) {
                out.println(problem);
            }
            out.printf("%s: %d rows read, %d good, %d bad%n", report.file(), report.rowsRead(), report.goodRows(),
                    report.badRows());
            // In the kinds' order (the report's map has none).
            new TreeMap<>(report.problemCounts()).forEach((kind, count) ->
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

    private static BlobStore forUri(BlobStores stores, BlobUri target) {
        try {
            return stores.forUri(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
