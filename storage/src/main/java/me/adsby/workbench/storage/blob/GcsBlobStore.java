package me.adsby.workbench.storage.blob;

import com.google.api.gax.paging.Page;
import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobSourceOption;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import com.google.cloud.storage.Storage.CopyRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link BlobStore} over Google Cloud Storage, through the Java client's JSON API transport.
 *
 * <p>Built from {@link GcsOptions}: a null endpoint is Google with Application Default Credentials; an
 * {@code http://} endpoint is a test or private server used without credentials; any other endpoint uses ADC.
 * Idempotent requests (reads, listings, and writes, copies and deletes that carry a precondition) are retried
 * on 408, 429 and 5xx with exponential back-off as the options say. Writes go through a resumable upload, so an
 * object appears whole or not at all. Thread-safe (the client is).
 */
public final class GcsBlobStore implements BlobStore {

    private final Storage storage;
    private final int uploadChunkSize;

    /**
     * A store with its own client.
     *
     * @throws IOException when Google's endpoint needs credentials and none are set up; the message says how to
     *                     log in
     */
    public GcsBlobStore(GcsOptions options) throws IOException {
        this(GcsClientFactory.create(options), options.uploadChunkSize());
    }

    /** A store over a client the caller built; {@link #close()} closes it. */
    public GcsBlobStore(Storage storage, int uploadChunkSize) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.uploadChunkSize = uploadChunkSize;
    }

    @Override
    public BlobPage list(BlobUri prefix, String delimiter, int pageSize, String pageToken) throws IOException {
        requireGcs(prefix);
        if (pageSize < 1 || pageSize > DEFAULT_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + DEFAULT_PAGE_SIZE + ", not " + pageSize);
        }
        List<BlobListOption> options = new ArrayList<>();
        options.add(BlobListOption.pageSize(pageSize));
        if (!prefix.path().isEmpty()) {
            options.add(BlobListOption.prefix(prefix.path()));
        }
        if (delimiter != null) {
            options.add(BlobListOption.delimiter(delimiter));
        }
        if (pageToken != null) {
            options.add(BlobListOption.pageToken(pageToken));
        }
        Page<Blob> page;
        List<BlobUri> folders = new ArrayList<>();
        List<BlobInfo> objects = new ArrayList<>();
        try {
            page = storage.list(prefix.bucket(), options.toArray(BlobListOption[]::new));
            for (Blob blob : page.getValues()) {
                if (blob.isDirectory()) {
                    folders.add(BlobUri.gcs(prefix.bucket(), blob.getName()));
                } else {
                    objects.add(toInfo(blob));
                }
            }
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, prefix);
        }
        String next = page.getNextPageToken();
        return new BlobPage(folders, objects, next == null || next.isEmpty() ? null : next);
    }

    @Override
    public Optional<BlobInfo> stat(BlobUri uri) throws IOException {
        requireGcs(uri);
        try {
            Blob blob = storage.get(BlobId.of(uri.bucket(), uri.path()));
            return Optional.ofNullable(blob).map(GcsBlobStore::toInfo);
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, uri);
        }
    }

    @Override
    public InputStream open(BlobUri uri, long offset, long length) throws IOException {
        requireGcs(uri);
        if (offset < 0 || length < -1) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length + " must not be negative");
        }
        try {
            ReadChannel reader = storage.reader(BlobId.of(uri.bucket(), uri.path()));
            if (offset > 0) {
                reader.seek(offset);
            }
            if (length >= 0) {
                reader.limit(offset + length);
            }
            return new TranslatingInputStream(Channels.newInputStream(reader), uri);
        } catch (IOException | RuntimeException e) {
            throw GcsErrors.translate(e, uri);
        }
    }

    @Override
    public BlobInfo write(BlobUri uri, InputStream content, String contentType, WriteCondition condition)
            throws IOException {
        requireGcs(uri);
        BlobId id = BlobId.of(uri.bucket(), uri.path());
        com.google.cloud.storage.BlobInfo target = com.google.cloud.storage.BlobInfo.newBuilder(id)
                .setContentType(contentType)
                .build();
        try {
            // createFrom streams through the client's resumable writer (storage.writer) in uploadChunkSize
            // chunks and hands back the finished object's metadata.
            Blob blob = storage.createFrom(target, content, uploadChunkSize, writeOptions(condition));
            return toInfo(blob);
        } catch (IOException | RuntimeException e) {
            throw GcsErrors.translate(e, uri);
        }
    }

    @Override
    public void delete(BlobUri uri, WriteCondition condition) throws IOException {
        requireGcs(uri);
        // The generation goes in ifGenerationMatch, not in the BlobId: a BlobId generation would name one
        // version ("generation=") and a stale one would read as 404 instead of 412.
        BlobId id = BlobId.of(uri.bucket(), uri.path());
        Long generation = generationOf(condition);
        boolean deleted;
        try {
            deleted = generation == null
                    ? storage.delete(id)
                    : storage.delete(id, BlobSourceOption.generationMatch(generation));
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, uri);
        }
        if (!deleted) {
            throw new BlobNotFoundException(uri + ": no such object", null);
        }
    }

    @Override
    public BlobInfo copy(BlobUri source, BlobUri target, WriteCondition condition) throws IOException {
        requireGcs(source);
        requireGcs(target);
        CopyRequest request = CopyRequest.newBuilder()
                .setSource(BlobId.of(source.bucket(), source.path()))
                .setTarget(BlobId.of(target.bucket(), target.path()), targetOptions(condition))
                .build();
        try {
            return toInfo(storage.copy(request).getResult());
        } catch (RuntimeException e) {
            IOException translated = GcsErrors.translate(e, target);
            if (translated instanceof BlobNotFoundException) {
                throw GcsErrors.translate(e, source);
            }
            throw translated;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            storage.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Could not close the GCS client: " + e.getMessage(), e);
        }
    }

    static BlobInfo toInfo(Blob blob) {
        OffsetDateTime updated = blob.getUpdateTimeOffsetDateTime();
        Instant when = updated == null ? null : updated.toInstant();
        return new BlobInfo(BlobUri.gcs(blob.getBucket(), blob.getName()), blob.getSize() == null ? 0 : blob.getSize(),
                when, blob.getGeneration() == null ? 0 : blob.getGeneration(),
                blob.getMetageneration() == null ? 0 : blob.getMetageneration(), blob.getMd5(), blob.getCrc32c(),
                blob.getContentType());
    }

    /** The generation the object must have: 0 for "must not exist", null for no condition. */
    private static Long generationOf(WriteCondition condition) {
        if (condition instanceof WriteCondition.IfAbsent) {
            return 0L;
        }
        return condition instanceof WriteCondition.IfGenerationMatches match ? match.generation() : null;
    }

    private static BlobWriteOption[] writeOptions(WriteCondition condition) {
        if (condition instanceof WriteCondition.IfAbsent) {
            return new BlobWriteOption[] {BlobWriteOption.doesNotExist()};
        }
        if (condition instanceof WriteCondition.IfGenerationMatches match) {
            return new BlobWriteOption[] {BlobWriteOption.generationMatch(match.generation())};
        }
        return new BlobWriteOption[0];
    }

    private static BlobTargetOption[] targetOptions(WriteCondition condition) {
        if (condition instanceof WriteCondition.IfAbsent) {
            return new BlobTargetOption[] {BlobTargetOption.doesNotExist()};
        }
        if (condition instanceof WriteCondition.IfGenerationMatches match) {
            return new BlobTargetOption[] {BlobTargetOption.generationMatch(match.generation())};
        }
        return new BlobTargetOption[0];
    }

    private static void requireGcs(BlobUri uri) {
        if (!uri.isGcs()) {
            throw new IllegalArgumentException(uri + " is not a gs:// URI");
        }
    }
}
