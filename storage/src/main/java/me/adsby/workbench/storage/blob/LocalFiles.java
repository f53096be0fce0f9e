package me.adsby.workbench.storage.blob;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link LocalBlobStore} and {@link LocalListing} share: metadata of files as {@link BlobInfo}, the
 * generations it stamps on files, its temporary-file names, and error messages that name the path.
 */
final class LocalFiles {

    /** Names of files being written; listings skip them. */
    static final String TEMP_PREFIX = ".wb-partial-";

    private static final AtomicLong LAST_GENERATION = new AtomicLong();

    private LocalFiles() {
    }

    /**
     * A generation for a file about to be committed: its modification time in microseconds, strictly greater
     * than every generation this JVM handed out before, so two quick writes never share one.
     */
    static long nextGeneration() {
        long now = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        return LAST_GENERATION.updateAndGet(previous -> Math.max(previous + 1, now));
    }

    static void stamp(Path file, long generation) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(generation, TimeUnit.MICROSECONDS));
    }

    static long generationOf(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS);
    }

    static BlobInfo info(Path file, BasicFileAttributes attributes) {
        return new BlobInfo(BlobUri.local(file), attributes.size(), attributes.lastModifiedTime().toInstant(),
                generationOf(attributes), 1, null, null, null);
    }

    static IOException translate(IOException error, Object where) {
        if (error instanceof NoSuchFileException) {
            return new BlobNotFoundException(where + ": no such file or folder", error);
        }
        if (error instanceof NotDirectoryException) {
            return new BlobNotFoundException(where + ": not a folder", error);
        }
        if (error instanceof AccessDeniedException) {
            return new BlobAccessDeniedException(where + ": permission denied; check the permissions of the file "
                    + "and of the folders above it", error);
        }
        if (error instanceof BlobNotFoundException || error instanceof BlobAccessDeniedException
                || error instanceof PreconditionFailedException) {
            return error;
        }
        return new IOException(where + ": " + error.getMessage(), error);
    }
}
