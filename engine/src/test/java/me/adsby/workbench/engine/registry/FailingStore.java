package me.adsby.workbench.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobPage;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.WriteCondition;

/** A store that lets {@code writesAllowed} writes through, then fails every write and delete: a publish that dies. */
final class FailingStore implements BlobStore {

    private final BlobStore inner;
    private final AtomicInteger writesLeft;

    FailingStore(BlobStore inner, int writesAllowed) {
        this.inner = inner;
        this.writesLeft = new AtomicInteger(writesAllowed);
    }

    @Override
    public BlobPage list(BlobUri prefix, String delimiter, int pageSize, String pageToken) throws IOException {
        return inner.list(prefix, delimiter, pageSize, pageToken);
    }

    @Override
    public Optional<BlobInfo> stat(BlobUri uri) throws IOException {
        return inner.stat(uri);
    }

    @Override
    public InputStream open(BlobUri uri, long offset, long length) throws IOException {
        return inner.open(uri, offset, length);
    }

    @Override
    public BlobInfo write(BlobUri uri, InputStream content, String contentType, WriteCondition condition) throws IOException {
        if (writesLeft.getAndDecrement() <= 0) {
            throw new IOException(uri + ": connection lost");
        }
        return inner.write(uri, content, contentType, condition);
    }

    @Override
    public void delete(BlobUri uri, WriteCondition condition) throws IOException {
        throw new IOException(uri + ": connection lost");
    }

    @Override
    public BlobInfo copy(BlobUri source, BlobUri target, WriteCondition condition) throws IOException {
        throw new IOException(target + ": connection lost");
    }

    @Override
    public void close() {
        // the inner store belongs to the test
    }
}
