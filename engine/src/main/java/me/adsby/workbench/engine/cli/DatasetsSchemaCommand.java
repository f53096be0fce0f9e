package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaInEffect;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.storage.work.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench datasets schema CSV_URI [--set COL=type:role[:transform] ...]}: prints the schema in effect
 * (saved, else inferred from every row) and says which; with {@code --set}, edits it and saves it in the home.
 */
@Command(name = "schema", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the schema in effect for a CSV: the saved one, else the one inferred from every row.",
            "With --set, edit columns and save the schema in the Workbench home: training and the app then use it.",
            "Types: integer, float, categorical, binary, text, image. Roles: feature, label, key, group, time, image,"
                + " ignored. Transforms (numeric columns): none, standardize, log1p."})
final class DatasetsSchemaCommand extends DatasetsSubcommand {

    @Parameters(paramLabel = "CSV_URI", description = "The CSV: gs://bucket/path.csv, an absolute path or a file: URI.")
    private String uri;

    @Option(names = "--set", paramLabel = "COL=TYPE:ROLE[:TRANSFORM]",
            description = "Set a column's type, role and transform; leave a part empty to keep it (pid=:ignored)."
                    + " Repeatable.")
    private List<String> edits = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        BlobUri location = parse(uri);
        SchemaStore schemas = schemaStore();
        SchemaInEffect inEffect;
        boolean saved = false;
        try (BlobStores stores = openStores()) {
            BlobStore store = stores.forUri(location);
            inEffect = schemas.effective(store, location, progress("Inferring the schema of " + location.name()),
                    Cancellation.NEVER);
            if (!edits.isEmpty()) {
                Schema edited;
                try {
                    edited = SchemaEdits.apply(inEffect.schema(), edits);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
                schemas.save(store, location, edited);
                inEffect = new SchemaInEffect(inEffect.uri(), edited, SchemaInEffect.Origin.SAVED,
                        schemas.fileFor(location), inEffect.rowsRead(), List.of(), inEffect.problems());
                saved = true;
            }
        }
        PrintWriter out = out();
        if (json) {
            JsonOutput.print(out, SchemaText.view(inEffect, saved));
        } else {
            SchemaText.print(out, inEffect, saved);
        }
        return 0;
    }
}
