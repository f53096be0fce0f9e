package me.adsby.workbench.storage.dataset.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.home.OwnerOnly;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * The saved schemas of datasets, one JSON file per dataset URI in the home's {@code schemas/} folder:
 * {@code <home>/schemas/<SHA-256 of the URI, hex>.json}, owner-only like the rest of the home. Each file holds
 * the URI, the file's size and generation when saved, and the columns (name, type, role, transform, reason).
 * Writes are atomic (a temporary file moved over the old one). Thread-safe: writes are serialised.
 *
 * <p>A saved schema wins over inference as long as its column names are the file's header
 * ({@link #effective}); when they are not, it is reported and not used.
 */
public final class SchemaStore {

    /** The version of the file format. */
    static final int FORMAT = 1;

    private final Path folder;
    private final Clock clock;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public SchemaStore(Path folder) {
        this(folder, Clock.systemUTC());
    }

    SchemaStore(Path folder, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The store of a Workbench home ({@link WorkbenchHome#schemas()}). */
    public static SchemaStore of(WorkbenchHome home) {
        return new SchemaStore(home.schemas());
    }

    public Path folder() {
        return folder;
    }

    /** The file that holds the schema of {@code uri}, whether it exists or not. */
    public Path fileFor(BlobUri uri) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The saved schema of {@code uri}, or empty when none was saved.
     *
     * @throws SchemaFileException when the file cannot be read as a saved schema (its message says
     *                             {@code file:line: reason})
     */
    public Optional<SavedSchema> load(BlobUri uri) throws IOException {
        Path file = fileFor(uri);
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        try {
            SavedSchema.Document document = mapper.readValue(json, SavedSchema.Document.class);
            if (document == null) {
                throw new SchemaFileException(file, 1, "the file holds null, not a schema");
            }
            SavedSchema saved = SavedSchema.of(document);
            if (!saved.uri().equals(uri.toString())) {
                throw new SchemaFileException(file, 1, "it is the schema of " + saved.uri() + ", not of " + uri);
            }
            return Optional.of(saved);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new SchemaFileException(file, where == null || where.getLineNr() < 1 ? 1 : where.getLineNr(),
                    e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new SchemaFileException(file, 1, e.getMessage());
        }
    }

    /** Saves the schema of {@code uri} with what the file is now (its size and generation, when known). */
    public synchronized SavedSchema save(BlobUri uri, Schema schema, Optional<BlobInfo> file) throws IOException {
        SavedSchema saved = new SavedSchema(uri.toString(), file.map(BlobInfo::size).orElse(-1L),
                file.map(BlobInfo::generation).orElse(0L), clock.instant().toString(), schema);
        OwnerOnly.folder(folder);
        Path target = fileFor(uri);
        Path temp = Files.createTempFile(folder, ".schema", ".tmp");
        try {
            OwnerOnly.file(temp);
            mapper.writeValue(temp.toFile(), saved.document());
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return saved;
    }

    /**
     * Saves the schema of the dataset at {@code uri} in {@code store}, after checking that its column names are
     * the file's header.
     *
     * @throws IllegalArgumentException when the schema's columns are not the header's
     */
    public SavedSchema save(BlobStore store, BlobUri uri, Schema schema) throws IOException {
        List<String> header = EffectiveSchema.header(store, uri);
        if (!header.equals(schema.names())) {
            throw new IllegalArgumentException(uri + ":1: the schema's columns " + schema.names()
                    + " are not the header's " + header);
        }
        return save(uri, schema, store.stat(uri));
    }

    /** Forgets the saved schema of {@code uri}; returns whether there was one. */
    public synchronized boolean delete(BlobUri uri) throws IOException {
        return Files.deleteIfExists(fileFor(uri));
    }

    /**
     * The schema in effect for the dataset at {@code uri}: the saved one when its column names are the file's
     * header (only the header is read), else the one inferred from every row, with the saved schema's mismatch
     * or unreadable file reported among the problems.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public SchemaInEffect effective(BlobStore store, BlobUri uri, ProgressListener progress, Cancellation cancel)
            throws IOException {
        return new EffectiveSchema(this, store, uri).resolve(progress, cancel);
    }
}
