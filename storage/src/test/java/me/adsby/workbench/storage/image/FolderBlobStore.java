package me.adsby.workbench.storage.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobPage;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.WriteCondition;

/**
 * The little of a blob store that images need, over local files, counting what is read: local URIs are
 * their own paths, {@code gs://bucket/name} lives at {@code <gcsFolder>/bucket/name}. The generation is the
 * file's modification time in nanoseconds, as the real local store's.
 */
final class FolderBlobStore implements BlobStore {

    private final Path gcsFolder;
    final AtomicInteger stats = new AtomicInteger();
    final AtomicInteger wholeOpens = new AtomicInteger();
    final AtomicInteger rangeOpens = new AtomicInteger();
    final AtomicLong bytesServed = new AtomicLong();
    volatile IOException failure;
    volatile long openDelayMillis;

    FolderBlobStore(Path gcsFolder) {
        this.gcsFolder = gcsFolder;
    }

    Path fileOf(BlobUri uri) {
        return uri.isGcs() ? gcsFolder.resolve(uri.bucket()).resolve(uri.path()) : uri.toPath();
    }

    @Override
    public Optional<BlobInfo> stat(BlobUri uri) throws IOException {
        stats.incrementAndGet();
        failIfAsked();
        Path file = fileOf(uri);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        long generation = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        return Optional.of(new BlobInfo(uri, attributes.size(), attributes.lastModifiedTime().toInstant()
                .truncatedTo(ChronoUnit.MILLIS), generation, 1, null, null, null));
    }

    @Override
    public InputStream open(BlobUri uri) throws IOException {
        wholeOpens.incrementAndGet();
        pause();
        failIfAsked();
        byte[] bytes = bytes(uri);
        bytesServed.addAndGet(bytes.length);
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public InputStream open(BlobUri uri, long offset, long length) throws IOException {
        rangeOpens.incrementAndGet();
        pause();
        failIfAsked();
        Path file = fileOf(uri);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = length < 0 ? channel.size() : Math.min(channel.size(), offset + length);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, end - offset));
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // keep reading
            }
            bytesServed.addAndGet(buffer.position());
            return new ByteArrayInputStream(buffer.array(), 0, buffer.position());
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(uri + ": no such file", e);
        }
    }

    private byte[] bytes(BlobUri uri) throws IOException {
        try {
            return Files.readAllBytes(fileOf(uri));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(uri + ": no such file", e);
        }
    }

    private void failIfAsked() throws IOException {
        IOException toThrow = failure;
        if (toThrow != null) {
            throw toThrow;
        }
    }

    private void pause() throws IOException {
        if (openDelayMillis > 0) {
            try {
                Thread.sleep(openDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    @Override
    public BlobPage list(BlobUri prefix, String delimiter, int pageSize, String pageToken) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BlobInfo write(BlobUri uri, InputStream content, String contentType, WriteCondition condition) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(BlobUri uri, WriteCondition condition) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BlobInfo copy(BlobUri source, BlobUri target, WriteCondition condition) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
