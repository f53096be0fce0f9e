package me.adsby.workbench.engine.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobPage;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.blob.WriteCondition;

/** A local store that counts how many times an image (.png or .jpg) was opened: each decode opens it once. */
final class CountingStore implements BlobStore {

    private final LocalBlobStore local = new LocalBlobStore();
    private final AtomicInteger imageOpens = new AtomicInteger();

    int imageOpens() {
        return imageOpens.get();
    }

    private void count(BlobUri uri) {
        String name = uri.name();
        if (name.endsWith(".png") || name.endsWith(".jpg")) {
            imageOpens.incrementAndGet();
        }
    }

    @Override
    public BlobPage list(BlobUri prefix, String delimiter, int pageSize, String pageToken) throws IOException {
        return local.list(prefix, delimiter, pageSize, pageToken);
    }

    @Override
    public Optional<BlobInfo> stat(BlobUri uri) throws IOException {
        return local.stat(uri);
    }

    @Override
    public InputStream open(BlobUri uri) throws IOException {
        count(uri);
        return local.open(uri);
    }

    @Override
    public InputStream open(BlobUri uri, long offset, long length) throws IOException {
        count(uri);
        return local.open(uri, offset, length);
    }

    @Override
    public BlobInfo write(BlobUri uri, InputStream content, String contentType, WriteCondition condition) throws IOException {
        return local.write(uri, content, contentType, condition);
    }

    @Override
    public void delete(BlobUri uri, WriteCondition condition) throws IOException {
        local.delete(uri, condition);
    }

    @Override
    public BlobInfo copy(BlobUri source, BlobUri target, WriteCondition condition) throws IOException {
        return local.copy(source, target, condition);
    }

    @Override
    public void close() {
        local.close();
    }
}
