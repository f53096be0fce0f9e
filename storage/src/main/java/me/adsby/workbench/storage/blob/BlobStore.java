package me.adsby.workbench.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * What Workbench needs of a place that holds bytes: Google Cloud Storage or the local file system.
 * Implementations are thread-safe. Errors are {@link IOException}s whose messages name the URI: in particular
 * {@link BlobNotFoundException}, {@link BlobAccessDeniedException} and {@link PreconditionFailedException}.
 */
public interface BlobStore extends AutoCloseable {

    /** The usual page size of a listing: GCS's own maximum. */
    int DEFAULT_PAGE_SIZE = 1000;

    /**
     * Lists one page of what lies under {@code prefix}.
     *
     * @param prefix     a folder ({@code gs://b/dir/}, a local folder) or any name prefix ({@code gs://b/dir/ad_})
     * @param delimiter  {@code "/"} to list one level (objects plus "folders"), or null to list everything below
     * @param pageSize   at most this many entries (folders and objects together) on the page, 1..1000
     * @param pageToken  null for the first page, else the {@link BlobPage#nextPageToken} of the page before
     */
    BlobPage list(BlobUri prefix, String delimiter, int pageSize, String pageToken) throws IOException;

    /** The object's metadata, or empty when there is no such object. */
    Optional<BlobInfo> stat(BlobUri uri) throws IOException;

    /**
     * Where an object or folder really is, every symbolic link on its way followed. Stores without links
     * (GCS) answer the URI itself.
     *
     * @throws BlobNotFoundException when nothing is there (a dangling link included)
     */
    default BlobUri realLocation(BlobUri uri) throws IOException {
        return uri;
    }

    /** Streams the whole object. The caller closes the stream. */
    default InputStream open(BlobUri uri) throws IOException {
        return open(uri, 0, -1);
    }

    /**
     * Streams {@code length} bytes from {@code offset} (fewer at the end of the object), or to the end when
     * {@code length} is -1. The caller closes the stream.
     */
    InputStream open(BlobUri uri, long offset, long length) throws IOException;

    /**
     * Writes an object from a stream, whole or not at all: a reader sees the old object or the new one,
     * never part of it.
     *
     * @param contentType the MIME type, or null to let the store choose
     * @return the new object's metadata
     */
    BlobInfo write(BlobUri uri, InputStream content, String contentType, WriteCondition condition) throws IOException;

    /** Deletes the object; {@link BlobNotFoundException} when there is none. */
    void delete(BlobUri uri, WriteCondition condition) throws IOException;

    /** Copies an object within the store; the condition applies to the target. */
    BlobInfo copy(BlobUri source, BlobUri target, WriteCondition condition) throws IOException;

    @Override
    void close() throws IOException;
}
