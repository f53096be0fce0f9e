package me.adsby.workbench.storage.dataset.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import me.adsby.workbench.storage.dataset.RowProblem;

/**
 * The schema that applies to a dataset, and where it comes from ({@link SchemaStore#effective}).
 *
 * @param uri       the dataset
 * @param schema    the schema to read it by
 * @param origin    SAVED when a saved schema matches the file's header, else INFERRED from the whole file
 * @param savedFile the saved schema's file (whether it was used or not), or null when there is none
 * @param rowsRead  rows read by inference, or -1 when the saved schema was used without reading the rows
 * @param notes     for people: why a saved schema was not used, or that the file changed since it was saved
 * @param problems  {@code file:line: reason} of what the data or the saved schema should fix: inference's
 *                  problems (a label-named column that is not binary), a saved schema that does not match the
 *                  header, or a saved schema file that cannot be read
 */
public record SchemaInEffect(String uri, Schema schema, Origin origin, Path savedFile, long rowsRead,
                             List<String> notes, List<RowProblem> problems) {

    /** Where the schema comes from. */
    public enum Origin {
        /** Saved by the user, and its columns are the file's. */
        SAVED,
        /** Inferred from every row of the file. */
        INFERRED
    }

    public SchemaInEffect {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(origin, "origin");
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    public boolean saved() {
        return origin == Origin.SAVED;
    }
}
