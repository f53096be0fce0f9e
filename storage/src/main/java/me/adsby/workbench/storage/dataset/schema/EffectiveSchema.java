package me.adsby.workbench.storage.dataset.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.csv.CsvRowReader;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/** How {@link SchemaStore#effective} chooses between the saved schema and inference, for one dataset. */
final class EffectiveSchema {

    private final SchemaStore schemas;
    private final BlobStore store;
    private final BlobUri uri;

    EffectiveSchema(SchemaStore schemas, BlobStore store, BlobUri uri) {
        this.schemas = schemas;
        this.store = store;
        this.uri = uri;
    }

    SchemaInEffect resolve(ProgressListener progress, Cancellation cancel) throws IOException {
        Path file = schemas.fileFor(uri);
        List<String> notes = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Optional<SavedSchema> saved;
        try {
            saved = schemas.load(uri);
        } catch (SchemaFileException e) {
            saved = Optional.empty();
            problems.add(new RowProblem(e.file().toString(), e.line(), ProblemKind.HEADER_MISMATCH,
                    "the saved schema cannot be read (" + e.reason() + "); it is not used, the schema is inferred"));
            notes.add("The saved schema " + file + " cannot be read: it is not used.");
        }
        if (saved.isPresent()) {
            List<String> header = header(store, uri);
            Schema schema = saved.get().schema();
            if (header.equals(schema.names())) {
                changed(saved.get(), store.stat(uri)).ifPresent(notes::add);
                return new SchemaInEffect(uri.toString(), schema, SchemaInEffect.Origin.SAVED, file, -1, notes,
                        problems);
            }
            problems.add(new RowProblem(uri.toString(), 1, ProblemKind.HEADER_MISMATCH, "the saved schema " + file
                    + " has the columns " + schema.names() + ", the header has " + header
                    + ": the saved schema is not used, the schema is inferred"));
            notes.add("The saved schema " + file + " does not match the header: it is not used.");
        }
        InferenceResult inferred = SchemaInference.inspect(CsvSource.of(store, uri), progress, cancel);
        problems.addAll(inferred.problems());
        return new SchemaInEffect(uri.toString(), inferred.schema(), SchemaInEffect.Origin.INFERRED,
                Files.exists(file) ? file : null, inferred.rowsRead(), notes, problems);
    }

    /** What to say when the file is not what it was when the schema was saved. */
    private static Optional<String> changed(SavedSchema saved, Optional<BlobInfo> now) {
        if (now.isEmpty() || saved.size() < 0) {
            return Optional.empty();
        }
        BlobInfo info = now.get();
        if (info.size() != saved.size() || saved.generation() != 0 && info.generation() != saved.generation()) {
            return Optional.of("The file changed since its schema was saved (" + saved.savedAt() + ", "
                    + saved.size() + " bytes; now " + info.size() + " bytes); the header is the same, so the saved"
                    + " schema is used.");
        }
        return Optional.empty();
    }

    /** The header of the CSV at {@code uri}, reading nothing more. */
    static List<String> header(BlobStore store, BlobUri uri) throws IOException {
        try (CsvRowReader rows = CsvRowReader.open(CsvSource.of(store, uri))) {
            return rows.header();
        }
    }
}
