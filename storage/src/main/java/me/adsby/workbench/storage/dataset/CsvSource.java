package me.adsby.workbench.storage.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * Where a dataset's CSV bytes come from, without tying readers to a store: a name for messages
 * ({@code file:line: reason}), a way to open the bytes (each call a fresh stream, read once from the start),
 * and the size in bytes when known (for progress).
 *
 * @param name   how problems name the file, e.g. {@code ads.csv} or {@code gs://b/ads.csv}
 * @param opener opens a fresh stream over the whole file; the caller closes it
 * @param size   the size in bytes, or -1 when unknown
 */
public record CsvSource(String name, Opener opener, long size) {

    /** Opens a fresh stream over the CSV's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public CsvSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
        if (size < -1) {
            throw new IllegalArgumentException("size must be >= -1, was " + size);
        }
    }

    /** A local file, named by its file name. */
    public static CsvSource of(Path file) throws IOException {
        return new CsvSource(file.getFileName().toString(), () -> Files.newInputStream(file), Files.size(file));
    }

    /** Bytes in memory (tests, previews of pasted text). */
    public static CsvSource of(String name, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new CsvSource(name, () -> new java.io.ByteArrayInputStream(copy), copy.length);
    }

    /** An object of a {@link BlobStore}, named by its URI; the size comes from the store's metadata. */
    public static CsvSource of(BlobStore store, BlobUri uri) throws IOException {
        Optional<BlobInfo> info = store.stat(uri);
        long size = info.map(BlobInfo::size).orElse(-1L);
        return new CsvSource(uri.toString(), () -> store.open(uri), size);
    }

    /** Opens a fresh stream. */
    public InputStream open() throws IOException {
        return opener.open();
    }
}
